/*
 * Class: type limits / constants in bounds, narrow iterators.
 *
 * Attacks: unsigned char iterators below an enumerator bound, consumer
 * shifted: a piece starting at 256 would start at 0 and run again.
 */
#include <stdio.h>
enum { NN = 100 };
static unsigned a[208], b[208];

int main(void)
{
	unsigned long long h = 0;
	for (unsigned char i = 0; i < NN + 8; i++)
		a[i] = i * 2654435761u;
	for (unsigned char i = 0; i < NN; i++)
		b[i] = a[i + 2] + 1u;
	for (unsigned char i = 0; i < NN + 8; i++)
		h = h * 1000003u + b[i] + a[i];
	printf("%llx\n", h);
	return 0;
}
