// DISTINCT
/*
 * Class: comments and strings / line splices in comments.
 *
 * Attacks: a // comment inside the first nest's header, between
 * "for (...)" and the statement, that ends in a backslash: the next
 * source line (here an empty one) is part of the comment.  A tool that
 * keeps such comments by copying them in front of the fused code, up to
 * the end of their line, puts the line splice right before the fused
 * loop: the loop's header becomes part of the comment.
 */
#include <stdio.h>

#define N 8192

static float x[N], a[N], b[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++) // scale the input, see the paper, eq. 3 \

		a[i] = x[i] * 2.0f;
	for (int i = 0; i < n; i++)
		b[i] = a[i] + 1.0f;
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 15);
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + b[i];
	printf("%a %a\n", b[N - 1], s);
	return 0;
}
