// RUN-ARGS: --function=unsharp
// EXPECT-STDERR: :17:[0-9]+: note: fused 3 loop nests into 1
/*
 * Affine if guards with && and ||: a zero-padded 3x3 box sum whose taps
 * are guarded by the image bounds, a nest that restores the border, and
 * an unsharp mask.
 */
#include <stdio.h>

#define H 120
#define W 160

static float img[H][W], box[H][W], sharp[H][W];

static void unsharp(void)
{
	for (int i = 0; i < H; i++)
		for (int j = 0; j < W; j++) {
			box[i][j] = 0.0f;
			for (int di = -1; di <= 1; di++)
				for (int dj = -1; dj <= 1; dj++)
					if (i + di >= 0 && i + di < H && j + dj >= 0 && j + dj < W)
						box[i][j] += img[i + di][j + dj];
		}
	for (int i = 0; i < H; i++)
		for (int j = 0; j < W; j++)
			if (i < 1 || i >= H - 1 || j < 1 || j >= W - 1)
				box[i][j] = 9.0f * img[i][j];
	for (int i = 0; i < H; i++)
		for (int j = 0; j < W; j++)
			sharp[i][j] = 2.0f * img[i][j] - box[i][j] / 9.0f;
}

int main(void)
{
	for (int i = 0; i < H; i++)
		for (int j = 0; j < W; j++)
			img[i][j] = (float)((i * 11 + j * 3) % 50) / 8.0f;
	unsharp();
	fwrite(box, sizeof box, 1, stdout);
	fwrite(sharp, sizeof sharp, 1, stdout);
	return 0;
}
