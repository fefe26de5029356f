/*
 * Class: aliasing that really happens / one object, two declarations.
 *
 * Attacks: each loop body declares "extern float G[4096];" for itself.
 * Both name the same global, yet a tool that keys arrays by their
 * declaration takes them for two local arrays: it fuses although the
 * second nest reads G[i + 1], which the first nest writes one
 * iteration later.
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

static void k(float *b, int n)
{
	for (int i = 0; i < n; i++) {
		extern float G[4096];
		G[i] = G[i] * 2.0f + b[i];
	}
	for (int i = 0; i < n; i++) {
		extern float G[4096];
		b[i] = G[i + 1] + b[i];
	}
}

float G[4096];
static float B[4096];

int main(void)
{
	for (int i = 0; i < 4096; i++) {
		G[i] = (float) (i % 13);
		B[i] = (float) (i % 5);
	}
	k(B, 4000);
	dump("G", G, sizeof G);
	dump("B", B, sizeof B);
	return 0;
}
