// RUN-ARGS: --function=window_power
// EXPECT-STDERR: :19:[0-9]+: note: fused 3 loop nests into 1
/*
 * Sizes from #define, including macros defined in terms of other
 * macros: framing, windowing and power of an audio block.
 */
#include <stdio.h>

#define FRAME 480
#define HOP (FRAME / 2)
#define NFRAMES 40
#define SIGNAL (HOP * (NFRAMES + 1))

static float samples[SIGNAL], win[FRAME];
static float frames[NFRAMES][FRAME], windowed[NFRAMES][FRAME], power[NFRAMES][FRAME];

static void window_power(void)
{
	for (int f = 0; f < NFRAMES; f++)
		for (int n = 0; n < FRAME; n++)
			frames[f][n] = samples[f * HOP + n];
	for (int f = 0; f < NFRAMES; f++)
		for (int n = 0; n < FRAME; n++)
			windowed[f][n] = frames[f][n] * win[n];
	for (int f = 0; f < NFRAMES; f++)
		for (int n = 0; n < FRAME; n++)
			power[f][n] = windowed[f][n] * windowed[f][n];
}

int main(void)
{
	for (int i = 0; i < SIGNAL; i++)
		samples[i] = (float)((i * 37) % 201 - 100) / 100.0f;
	for (int n = 0; n < FRAME; n++)
		win[n] = (float)(n < FRAME / 2 ? n : FRAME - n) / (float)(FRAME / 2);
	window_power();
	fwrite(frames, sizeof frames, 1, stdout);
	fwrite(windowed, sizeof windowed, 1, stdout);
	fwrite(power, sizeof power, 1, stdout);
	return 0;
}
