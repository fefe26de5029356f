// DISTINCT
/*
 * Class: name capture / tile loop names.
 *
 * Attacks: a variable declared at the top of the function with a name
 * made by token pasting, CAT(i, t) == it, serves as the iterator of a
 * small loop inside a block in the third nest's body.  Since "it" is
 * never a token of the file, a tool that names the tile loop of i
 * "it" and checks the name against the file's identifiers finds it
 * free.  The block's loop then assigns the tile loop's variable.
 */
#include <stdio.h>

#define CAT(a, b) a##b
#define M 96

static float A[M][M], B[M][M], C[M][M], D[M][M];

static void kernel(int n)
{
	int CAT(i, t);

	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			C[i][j] = 0.0f;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			for (int k = 0; k < n; k++)
				C[i][j] += A[i][k] * B[k][j];
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++) {
			float v = C[i][j];

			for (CAT(i, t) = 0; CAT(i, t) < 3; CAT(i, t)++)
				v = v * 0.5f + 1.0f;
			D[i][j] = v;
		}
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++) {
			A[i][j] = (float)((i * 3 + j * 5) % 7) - 3.0f;
			B[i][j] = (float)((i + j * 2) % 5) - 2.0f;
		}
	kernel(M);
	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++)
			s = s * 0.5f + D[i][j];
	printf("%a %a %a\n", D[0][1], D[M - 1][M - 2], s);
	return 0;
}
