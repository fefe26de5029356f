// EXPECT-STDERR: :24:3: remark: not fused with the nest at line 26: b\[lf_idx\[i\]\]: subscript is not affine
// EXPECT-UNCHANGED
/*
 * A loop inside a block uses an iterator declared before the loops; the
 * nest then turns out not to be affine (an indirect subscript after the
 * inner loop), so what the front end recorded for it must be dropped.
 */
#include <stdio.h>

#define N 64
#define M 48

static float a[N][M], b[N], c[N];
static int lf_idx[N];

static void row_sums(void)
{
	int i, j;

	for (i = 0; i < N; i++) {
		float s = 0.0f;
		for (j = 0; j < M; j++)
			s += a[i][j];
		b[lf_idx[i]] = s;
	}
	for (i = 0; i < N; i++)
		c[i] = b[i] * 2.0f;
}

int main(void)
{
	for (int i = 0; i < N; i++) {
		lf_idx[i] = (i * 7) % N;
		for (int j = 0; j < M; j++)
			a[i][j] = (float)((i * 5 + j * 3) % 29) / 4.0f;
	}
	row_sums();
	fwrite(b, sizeof b, 1, stdout);
	fwrite(c, sizeof c, 1, stdout);
	return 0;
}
