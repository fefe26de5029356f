/*
 * Class: inner loops kept apart inside a shared outer loop.
 *
 * Attacks: nests over short rows whose inner loops start at different
 * iterations, which a cost model may fuse in their outer loop only,
 * keeping each inner loop whole.  The inner starts differ in a way a
 * tool can get wrong: the second start depends on i (a triangle), the
 * outer loops count down, the first nest starts its inner loop later
 * than the second, and a third nest reads, one element ahead, what the
 * second writes in the same row.  The arrays are parameters, and main
 * also passes rows of one buffer one row apart, so that a rewrite that
 * runs a row of one nest before the row of the other it depends on, or
 * checks the overlap wrongly, prints other bytes.
 */
#include <stdio.h>

#define N 64
#define M 40

static void tri(int n, int m, double a[N][M], double b[N][M])
{
	for (int i = 1; i < n; i++)
		for (int j = 0; j < m; j++)
			a[i][j] = a[i][j] + 0.5 * b[i][j];
	for (int i = 1; i < n; i++)
		for (int j = i; j < m; j++)
			b[i][j] = b[i][j] - 0.25 * (a[i][j] + a[i - 1][j]);
}

static void down(int n, int m, double a[N][M], double b[N][M],
	double c[N][M])
{
	for (int i = n - 1; i >= 0; i--)
		for (int j = 2; j < m; j++)
			b[i][j] = a[i][j] * 3.0 - a[i][j - 2];
	for (int i = n - 1; i >= 0; i--)
		for (int j = 0; j < m - 1; j++)
			c[i][j] = b[i][j] + b[i][j + 1];
	for (int i = n - 1; i >= 0; i--)
		for (int j = 1; j < m - 1; j++)
			a[i][j] = c[i][j + 1] - c[i][j - 1];
}

static unsigned sum(int n, double a[N][M])
{
	unsigned s = 0;

	for (int i = 0; i < n; i++)
		for (int j = 0; j < M; j++)
			s = s * 31u + (unsigned)(long long)(a[i][j] * 1024.0);
	return s;
}

static double buf[N + 2][M], x[N][M], y[N][M], z[N][M];

static void fill(void)
{
	for (int i = 0; i < N + 2; i++)
		for (int j = 0; j < M; j++)
			buf[i][j] = (double)((i * 7 + j * 3) % 11) - 5.0;
	for (int i = 0; i < N; i++)
		for (int j = 0; j < M; j++) {
			x[i][j] = (double)((i + 2 * j) % 9);
			y[i][j] = (double)((3 * i + j) % 5);
			z[i][j] = 0.0;
		}
}

int main(void)
{
	fill();
	tri(N, M, x, y);
	down(N, M, x, y, z);
	printf("%u %u %u\n", sum(N, x), sum(N, y), sum(N, z));
	tri(N, M, buf, buf + 1);
	tri(N, M, buf + 1, buf);
	down(N, M, buf, buf + 1, buf + 2);
	down(N - 2, M, buf + 2, buf + 1, buf);
	printf("%u %u\n", sum(N, buf), sum(N, buf + 2));
	return 0;
}
