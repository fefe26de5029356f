/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lf_grow.h"

/* Is n zero or a power of two, where an array grown by lf_grow is full?
 */
static int lf_grow_is_full(int n)
{
	return (n & (n - 1)) == 0;
}

/* "array" points to the pointer of an array of n elements of "size"
 * bytes; see lf_grow.h.  The pointer is read and written with memcpy,
 * as the array's own pointer type is not known here.
 */
int lf_grow(void *array, int n, size_t size)
{
	void *data, *more;
	size_t cap;

	if (n < 0 || !lf_grow_is_full(n))
		return n < 0 ? -1 : 0;
	cap = n ? 2 * (size_t) n : 1;
	if (size && cap > SIZE_MAX / size)
		return -1;
	memcpy(&data, array, sizeof(data));
	more = realloc(data, cap * size);
	if (!more)
		return -1;
	memcpy(array, &more, sizeof(more));
	return 0;
}
