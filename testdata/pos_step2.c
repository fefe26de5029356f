// RUN-ARGS: --function=stereo_process
// EXPECT-STDERR: :20:[0-9]+: note: fused 2 loop nests into 1
// EXPECT-STDERR: :29:[0-9]+: note: fused 2 loop nests into 1
/*
 * Loops with step 2 over interleaved stereo samples (L, R, L, R, ...):
 * per-channel gain then mid/side encoding, counting up by 2; then a
 * pair of loops counting down by 2 that apply a fade and a DC offset.
 * The assignment between the runs keeps them apart.
 */
#include <stdio.h>

#define FRAMES 4096

static float in[2 * FRAMES], gained[2 * FRAMES], ms[2 * FRAMES];
static float faded[2 * FRAMES], shifted[2 * FRAMES];
static float gain_l = 0.75f, gain_r = 1.25f, last_gain;

static void stereo_process(void)
{
	for (int i = 0; i < 2 * FRAMES; i += 2) {
		gained[i] = in[i] * gain_l;
		gained[i + 1] = in[i + 1] * gain_r;
	}
	for (int i = 0; i < 2 * FRAMES; i += 2) {
		ms[i] = (gained[i] + gained[i + 1]) * 0.5f;
		ms[i + 1] = (gained[i] - gained[i + 1]) * 0.5f;
	}
	last_gain = gain_r;
	for (int i = 2 * FRAMES - 2; i >= 0; i -= 2) {
		faded[i] = ms[i] * (float)i / (float)(2 * FRAMES);
		faded[i + 1] = ms[i + 1] * (float)i / (float)(2 * FRAMES);
	}
	for (int i = 2 * FRAMES - 2; i >= 0; i -= 2) {
		shifted[i] = faded[i] + 0.125f;
		shifted[i + 1] = faded[i + 1] - 0.125f;
	}
}

int main(void)
{
	for (int i = 0; i < 2 * FRAMES; i++)
		in[i] = (float)((i * 29) % 64 - 32) / 32.0f;
	stereo_process();
	fwrite(gained, sizeof gained, 1, stdout);
	fwrite(ms, sizeof ms, 1, stdout);
	fwrite(faded, sizeof faded, 1, stdout);
	fwrite(shifted, sizeof shifted, 1, stdout);
	fwrite(&last_gain, sizeof last_gain, 1, stdout);
	return 0;
}
