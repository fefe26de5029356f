// DISTINCT
/*
 * Class: user pragmas / pragmas on inner loops.
 *
 * Attacks: _Pragma("GCC unroll 2") from a macro in front of the inner
 * loop of the first nest.  A '#pragma' line there makes a nest opaque,
 * but a _Pragma is not a line: a tool that fuses the nests must not
 * leave the pragma in front of something that is not a loop (gcc
 * rejects that) nor in front of a loop it did not apply to.
 */
#include <stdio.h>

#define UNROLL2 _Pragma("GCC unroll 2")
#define R 128
#define C 256

static float X[R][C], Y[R][C], Z[R][C];

static void kernel(int r, int c)
{
	for (int i = 0; i < r; i++) {
		UNROLL2
		for (int j = 0; j < c; j++)
			Y[i][j] = X[i][j] * 3.0f;
	}
	for (int i = 0; i < r; i++)
		for (int j = 1; j < c; j++)
			Z[i][j] = Y[i][j] - Y[i][j - 1];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < R; i++)
		for (int j = 0; j < C; j++)
			X[i][j] = (float)((i * 3 + j) % 29) * 0.5f;
	kernel(R, C);
	for (int i = 0; i < R; i++)
		for (int j = 0; j < C; j++)
			s = s * 0.5f + Z[i][j];
	printf("%a %a\n", Z[R - 1][C - 1], s);
	return 0;
}
