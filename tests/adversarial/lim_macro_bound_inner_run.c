/*
 * Class: type limits / constants in bounds, nests inside an outer loop.
 *
 * Attacks: a run of nests in the body of a row loop, bounded by a
 * macro, with a consumer two iterations behind.  main calls the kernel
 * through a pointer, so that its own rewritten body runs.
 */
#include <stdio.h>
#define M 60
static unsigned A[40][M + 8], B[40][M + 8], s[40];

__attribute__((noinline)) static void kernel(int n)
{
	for (int i = 0; i < n; i++) {
		s[i] = s[i] + 1u;
		for (int j = 0; j < M + 4; j++)
			A[i][j] = A[i][j] * 3u + (unsigned)(i + j);
		for (int j = 0; j < M; j++)
			B[i][j] = A[i][j + 2] + A[i][j + 4];
		for (int j = 0; j < M + 4; j++)
			s[i] = s[i] * 31u + B[i][j] + A[i][j];
	}
}

int main(void)
{
	unsigned long long h = 0;
	for (int i = 0; i < 40; i++) {
		s[i] = i;
		for (int j = 0; j < M + 8; j++) A[i][j] = i * 31u + j, B[i][j] = j;
	}
	/* Through a pointer: the call stays a call, kernel's own code runs. */
	void (*volatile run)(int) = kernel;

	run(40);
	for (int i = 0; i < 40; i++) {
		h = h * 1000003u + s[i];
		for (int j = 0; j < M + 8; j++) h = h * 1000003u + A[i][j] + 7 * B[i][j];
	}
	printf("%llx\n", h);
	return 0;
}
