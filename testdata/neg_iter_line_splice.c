// RUN-ARGS: --fuse-all
// EXPECT-UNCHANGED
// EXPECT-STDERR: :18:14: remark: not fused with the nest at line 20: iterator row is spelled across a backslash-newline or with a \\u escape
/*
 * An iterator split by a backslash-newline cannot be renamed in the
 * statement's text, so the nest is left as it is, with a reason that
 * says so.
 */
#include <stdio.h>

#define N 96

static float a[N], b[N], c[N];

static void scale_then_offset(void)
{
	for (int row = 0; row < N; row++)
		b[row] = a[ro\
w] * 2.0f;
	for (int i = 0; i < N; i++)
		c[i] = b[i] + 1.0f;
}

int main(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)(i % 13);
	scale_then_offset();
	fwrite(b, sizeof b, 1, stdout);
	fwrite(c, sizeof c, 1, stdout);
	return 0;
}
