// RUN-ARGS: --function=fake_quant
// EXPECT-STDERR: :16:[0-9]+: note: fused 3 loop nests into 1
/*
 * Casts and ?: in loop bodies: symmetric int8 fake quantization
 * (scale, saturate and truncate to signed char, dequantize).
 */
#include <stdio.h>

#define N 8192

static float x[N], s[N], y[N];
static signed char q[N];

static void fake_quant(void)
{
	for (int i = 0; i < N; i++)
		s[i] = x[i] * 32.0f;
	for (int i = 0; i < N; i++)
		q[i] = (signed char)(s[i] > 127.0f ? 127 : (s[i] < -128.0f ? -128 : (int)s[i]));
	for (int i = 0; i < N; i++)
		y[i] = (float)q[i] / 32.0f;
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = (float)((i * 37) % 1001 - 500) / 97.0f;
	fake_quant();
	fwrite(s, sizeof s, 1, stdout);
	fwrite(q, sizeof q, 1, stdout);
	fwrite(y, sizeof y, 1, stdout);
	return 0;
}
