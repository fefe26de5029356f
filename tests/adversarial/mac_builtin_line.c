/*
 * Class: values that depend on where code is written.
 *
 * Attacks: __builtin_LINE() is a keyword, not a macro: a tool that
 * looks for expansions of __LINE__ does not see it.  Fusing the second
 * nest into the first moves its statement up; a nest written on one
 * line is split over several; through the macro HERE the call is not
 * even spelled in the statement.  A statement after three fused nests
 * reads __builtin_LINE() below an edit that changes the number of
 * lines.  (clang's __builtin_COLUMN(), which indenting changes, is
 * refused the same way; gcc 12 does not have it.)
 */
#include <stdio.h>

#define HERE (__builtin_LINE() * 1000 + 7)

static float a[512], b[512], c[512], d[512];

static void direct(int n, float *x, float *y)
{
	for (int i = 0; i < n; i++)
		x[i] = (float)i * 0.5f;
	for (int i = 0; i < n; i++)
		y[i] = x[i] + (float)__builtin_LINE();
}

static void one_line(int n, float *x, float *y)
{
	for (int i = 0; i < n; i++)
		x[i] = (float)i * 0.25f;
	for (int i = 0; i < n; i++) y[i] = x[i] + (float)__builtin_LINE();
}

static void through_macro(int n, float *x, float *y)
{
	for (int i = 0; i < n; i++)
		x[i] = (float)i;
	for (int i = 0; i < n; i++)
		y[i] = x[i] + (float)HERE;
}

static void after_edit(int n, float *x, float *y, float *z)
{
	for (int i = 0; i < n; i++)
		x[i] = (float)i;
	for (int i = 0; i < n; i++)
		y[i] = x[i] * 2.0f;
	for (int i = 0; i < n; i++)
		y[i] = y[i] + 1.0f;
	z[0] = (float)__builtin_LINE();
	z[1] = (float)(__builtin_LINE() * 3);
}

static unsigned long sum(const float *p, int n)
{
	unsigned long h = 0;

	for (int i = 0; i < n; i++) {
		unsigned u;

		__builtin_memcpy(&u, &p[i], sizeof u);
		h = h * 31 + u;
	}
	return h;
}

int main(void)
{
	direct(512, a, b);
	printf("direct %lu\n", sum(b, 512));
	one_line(512, a, b);
	printf("one line %lu\n", sum(b, 512));
	through_macro(512, a, b);
	printf("macro %lu\n", sum(b, 512));
	after_edit(512, a, b, d);
	printf("after %lu %a %a\n", sum(b, 512), d[0], d[1]);
	c[0] = 0;
	return 0;
}
