/* SPDX-License-Identifier: MIT */
#ifndef LF_GROW_H
#define LF_GROW_H

#include <stddef.h>

/* The one way loopfuse grows an array: LF_GROW(array, n) makes room
 * for element n of "array" (an lvalue of pointer type) that holds n
 * elements, and returns 0, or -1 when out of memory (then the array is
 * unchanged).
 *
 * An array grown this way is only ever allocated by LF_GROW, starting
 * from NULL with n = 0, and freed with free().  Its capacity is then
 * the smallest power of two that holds its n elements, so it is not
 * stored: the array doubles whenever n reaches a power of two.  n may
 * go down (elements dropped) without breaking that rule.
 */
int lf_grow(void *array, int n, size_t size);

#define LF_GROW(array, n) lf_grow(&(array), (n), sizeof(*(array)))

#endif
