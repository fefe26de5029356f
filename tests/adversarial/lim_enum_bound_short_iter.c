/*
 * Class: type limits / constants in bounds, narrow iterators.
 *
 * Attacks: the same shifted fusion over an enumerator bound with short
 * iterators: a piece at 32768 would wrap to -32768.
 */
#include <stdio.h>
enum { NN = 100 };
static unsigned a[208], b[208];

int main(void)
{
	unsigned long long h = 0;
	for (short i = 0; i < NN + 8; i++)
		a[i] = i * 2654435761u;
	for (short i = 0; i < NN; i++)
		b[i] = a[i + 2] + 1u;
	for (short i = 0; i < NN + 8; i++)
		h = h * 1000003u + b[i] + a[i];
	printf("%llx\n", h);
	return 0;
}
