// RUN-ARGS: --function=mul_add -- -DLEN=3000
// EXPECT-STDERR: :17:[0-9]+: note: fused 2 loop nests into 1
/*
 * A size given on the compiler command line (after "--"), with a
 * default in the file.  The programs are built with the same -D.
 */
#include <stdio.h>

#ifndef LEN
#define LEN 64
#endif

static float a[LEN], b[LEN], prod[LEN], out[LEN];

static void mul_add(void)
{
	for (int i = 0; i < LEN; i++)
		prod[i] = a[i] * b[i];
	for (int i = 0; i < LEN; i++)
		out[i] = prod[i] + a[i];
}

int main(void)
{
	for (int i = 0; i < LEN; i++) {
		a[i] = (float)(i % 19 - 9) / 4.0f;
		b[i] = (float)(i % 7) / 2.0f;
	}
	mul_add();
	fwrite(prod, sizeof prod, 1, stdout);
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
