/*
 * Class: fusion across calls / pointer offset arguments.
 *
 * Attacks: arguments "x + off" and "&x[k]" that point into an array
 * the same calls read and write through another argument, one element
 * apart at run time (so that fused loops would read what the original
 * had not written yet); an offset read from memory that the callee
 * itself overwrites ("&x[idx[0]]", with idx written in the loop), an
 * offset with a side effect ("x + k++"), and offsets that differ from
 * one call to the next.  The local pointers set to such offsets before
 * the calls ("float *row = x + off;"), which the calls pass as
 * variables, are attacked the same way: row overlaps x by one element.
 */
#include <stdio.h>

#define N 160

static float x[N + 8], y[N + 8];
static int idx[1];

static void smooth(float *dst, const float *src, int n)
{
	for (int i = 0; i < n; i++)
		dst[i] = src[i] * 0.5f + 1.0f;
}

static void bump(float *dst, int n)
{
	for (int i = 0; i < n; i++)
		dst[i] = dst[i] + 2.0f;
}

static void walk(float *dst, int *at, int n)
{
	for (int i = 0; i < n; i++) {
		dst[i] = dst[i] * 3.0f;
		at[0] = i % 4;
	}
}

static void kernel(int off, int k, int n)
{
	float *row = x + off;
	float *row2 = &x[off + 1];

	smooth(x + off, x, n);
	bump(&x[off], n);
	smooth(y, x + off + 1, n);
	walk(&x[idx[0]], idx, n);
	bump(&x[idx[0]], n);
	smooth(x + k++, y, n);
	bump(x + k, n);
	smooth(row, x, n);
	bump(row2, n);
	smooth(y, row, n);
	printf("%d\n", k);
}

int main(void)
{
	unsigned h = 0;

	for (int i = 0; i < N + 8; i++) {
		x[i] = (float)(i % 9);
		y[i] = (float)(i % 5);
	}
	idx[0] = 2;
	kernel(1, 3, N);
	for (int i = 0; i < N + 8; i++)
		h = h * 31u + (unsigned)(x[i] * 8.0f) + (unsigned)(y[i] * 8.0f);
	printf("%u %a %a %d\n", h, x[5], y[7], idx[0]);
	return 0;
}
