// RUN-ARGS: -- -std=gnu89
// EXPECT-UNCHANGED
// EXPECT-STDERR: :[0-9]+:[0-9]+: remark: not rewritten: the file is parsed as C89
/*
 * A file parsed as C89 (gnu89: C89 with // comments): the two nests
 * could be fused, but generated loops declare their iterators in the
 * for statement ("for (int it = 0; ...)"), which a C89 compiler
 * rejects, so the file is left as it is.
 */
#include <stdio.h>

#define N 100000

static float a[N], b[N];

static void scale_shift(void)
{
	int i;

	for (i = 0; i < N; i++)
		a[i] = a[i] * 2.0f;
	for (i = 0; i < N; i++)
		b[i] = a[i] + 1.0f;
}

int main(void)
{
	int i;

	for (i = 0; i < N; i++)
		a[i] = (float) (i % 17);
	scale_shift();
	for (i = 0; i < N; i++)
		printf("%a\n", b[i]);
	return 0;
}
