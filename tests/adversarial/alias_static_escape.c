/*
 * Class: aliasing that really happens / a static local that escapes.
 *
 * Attacks: the kernel keeps a scratch array as a static local and
 * hands it out through a global pointer.  Its pointer parameter out
 * may therefore point into its own static array -- and on the second
 * call it does, one element in: out == tmp + 1.  The input is
 * a restrict parameter (it is only read).  The original first fills
 * tmp, then runs out[i] = tmp[i] + 1 over it, a chain in which every
 * element depends on the one before.  A tool that assumes a plain
 * pointer parameter can overlap other plain parameters and globals,
 * but never a local array, fuses the nests: then each tmp[i + 1] that
 * the second statement writes is overwritten by the first statement
 * in the next iteration.
 */
#include <stdio.h>

#define N 4096

static float *escaped;
static float x[N + 1], res[N];

static void kernel(float *out, const float *restrict in, int n)
{
	static float tmp[N + 1];

	escaped = tmp;
	for (int i = 0; i < n; i++)
		tmp[i] = in[i] * 2.0f + 1.0f;
	for (int i = 0; i < n; i++)
		out[i] = tmp[i] + 1.0f;
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i <= N; i++)
		x[i] = (float)(i % 9) * 0.5f;
	kernel(res, x, N);
	kernel(escaped + 1, x, N);
	for (int i = 0; i <= N; i++)
		s = s * 0.5f + escaped[i];
	printf("%a %a %a\n", escaped[1], escaped[N], s);
	return 0;
}
