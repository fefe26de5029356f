// DISTINCT
/*
 * Class: purity / builtins.
 *
 * Attacks: __builtin_nanf with a string that is not a literal: it reads
 * memory, here digits the first nest writes, and gives a NaN whose
 * payload depends on them.  Only the forms with a literal are
 * constants; fused, the second nest would read the digits before the
 * first nest writes all of them.
 */
#include <stdio.h>
#include <string.h>

#define N 64

static char s[N + 1];
static float a[N];
static int x[N], b[N];

static void kernel(int n, const char *p)
{
	for (int i = 0; i < n; i++)
		s[i] = (char)('1' + x[i] % 7);
	for (int i = 0; i < n; i++)
		a[i] = __builtin_nanf(p);
	for (int i = 0; i < n; i++)
		b[i] = x[i] + (__builtin_nanf("") != 0.0f) + (__builtin_inff() > 1.0f);
}

int main(void)
{
	unsigned h = 0, u;

	for (int t = 0; t < N; t++)
		x[t] = t * 5 % 11;
	kernel(6, s);
	for (int t = 0; t < N; t++) {
		memcpy(&u, &a[t], sizeof u);
		h = h * 31u + (u & 0x3fffffu) + (unsigned)b[t];
	}
	printf("%x\n", h);
	return 0;
}
