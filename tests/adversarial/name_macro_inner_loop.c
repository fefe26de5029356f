// DISTINCT
/*
 * Class: name capture / loops inside macros.
 *
 * Attacks: the second nest's body is a block that sums a row with
 * ROWSUM(acc, w, k), a macro whose expansion is a loop over its own
 * iterator i.  The statement's text spells k, not i, so a tool that
 * names the fused loop after the first nest's iterator i finds the
 * name free.  After substitution the block reads ROWSUM(acc, w, i):
 * the macro's own "int i" captures the argument, and every row sum
 * reads the diagonal.
 */
#include <stdio.h>

#define ROWSUM(acc, m, r) for (int i = 0; i < 8; i++) acc += m[r][i]
#define R 4096

static float x[R], a[R], y[R], w[R][8];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = x[i] * 2.0f;
	for (int k = 0; k < n; k++) {
		float acc = a[k];

		ROWSUM(acc, w, k);
		y[k] = acc;
	}
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < R; i++) {
		x[i] = (float)(i % 10);
		for (int j = 0; j < 8; j++)
			w[i][j] = (float)((i * 8 + j) % 13) * 0.5f;
	}
	kernel(R);
	for (int i = 0; i < R; i++)
		s = s * 0.5f + y[i];
	printf("%a %a %a\n", y[0], y[R - 1], s);
	return 0;
}
