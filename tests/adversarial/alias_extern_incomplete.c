/*
 * Class: aliasing that really happens / a global of unknown size.
 *
 * Attacks: "extern float EG[];" has an incomplete type, so a run-time
 * check that bounds a global by sizeof does not compile; and EG + 1
 * passed as b overlaps EG, so a fusion without a check reads EG[i]
 * after the first nest of the fused iteration changed it.
 */
#include <stdio.h>
#include <string.h>

static void dump(const char *name, const void *p, size_t n)
{
	const unsigned char *c = p;
	unsigned long h = 1469598103934665603UL;

	for (size_t i = 0; i < n; i++) {
		h ^= c[i];
		h *= 1099511628211UL;
	}
	printf("%s %zu %016lx\n", name, n, h);
}

extern float EG[];

static void k(float *b, int n)
{
	for (int i = 0; i < n; i++)
		EG[i] = 2.0f * EG[i];
	for (int i = 0; i < n; i++)
		b[i] = EG[i] + 1.0f;
}

float EG[4096];
static float B[4096];

int main(void)
{
	for (int i = 0; i < 4096; i++)
		EG[i] = (float) (i % 7);
	k(B, 4096);
	dump("B", B, sizeof B);
	dump("EG", EG, sizeof EG);
	k(EG + 1, 4000);
	dump("EG", EG, sizeof EG);
	return 0;
}
