// DISTINCT
/*
 * Class: errno / shifting.
 *
 * Attacks: the first nest's last iteration takes sqrtf of a negative
 * number (EDOM); the second nest, which reads q[i + 1] and so can only
 * be fused one iteration behind, takes logf(0) (ERANGE) three
 * iterations before its end.  The original ends with errno == ERANGE.
 * In the shifted fused loop the first nest's last iteration runs after
 * that logf: errno ends as EDOM.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>

#define N 10000

static float v[N + 1], u[N], q[N + 1], w[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		q[i] = sqrtf(v[i]) * 2.0f;
	for (int i = 0; i < n; i++)
		w[i] = logf(u[i]) + q[i + 1];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i <= N; i++) {
		v[i] = (float)i;
		q[i] = 0.5f;
	}
	for (int i = 0; i < N; i++)
		u[i] = 1.0f + (float)(i % 3);
	v[N - 1] = -1.0f;
	u[N - 3] = 0.0f;
	errno = 0;
	kernel(N);
	printf("errno %s\n", errno == EDOM ? "EDOM" : errno == ERANGE ? "ERANGE" : "other");
	for (int i = 0; i < N - 3; i++)
		s = s * 0.5f + w[i];
	printf("%a %a\n", w[N - 4], s);
	return 0;
}
