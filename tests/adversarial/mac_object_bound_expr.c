// DISTINCT
/*
 * Class: macros / object-like macros with operators.
 *
 * Attacks: "#define N 4000+96", unparenthesised, as array size and
 * loop bound of two nests that count down from N - 1.  The user's own
 * text only ever writes "N - 1" and "[N]", where the missing
 * parentheses do no harm.  A tool that schedules down-counting loops
 * by -i and prints bounds with the macro's name gets "-N + 1", which
 * is -4000+96 + 1 == -3903 rather than -4095: the fused loop starts in
 * the middle.
 */
#include <stdio.h>

#define N 4000+96

static int a[N], c[N], x[N];

static void kernel(void)
{
	for (int i = N - 1; i >= 0; i--)
		a[i] = x[i] * 3 + 1;
	for (int i = N - 1; i >= 0; i--)
		c[i] = a[i] - x[i];
}

int main(void)
{
	unsigned long long h = 0;

	for (int i = 0; i < N; i++) {
		x[i] = i * i % 37;
		c[i] = -1;
	}
	kernel();
	for (int i = 0; i < N; i++)
		h = h * 31 + (unsigned)c[i];
	printf("%d %d %llx\n", c[0], c[N - 1], h);
	return 0;
}
