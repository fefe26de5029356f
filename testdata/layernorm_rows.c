// RUN-ARGS: --function=layer_norm
// EXPECT-STDERR: :19:[0-9]+: note: fused 3 loop nests into 1
/*
 * Layer normalization over the rows of a 128x768 activation (one token
 * per row): mean, variance, then normalize with gamma and beta.  The
 * statistics use local accumulators declared in the loop body.
 */
#include <math.h>
#include <stdio.h>

#define ROWS 128
#define DIM 768

static float x[ROWS][DIM], gamma_[DIM], beta[DIM];
static float mean[ROWS], rstd[ROWS], y[ROWS][DIM];

static void layer_norm(void)
{
    for (int i = 0; i < ROWS; i++) {
        float s = 0.0f;
        for (int j = 0; j < DIM; j++)
            s += x[i][j];
        mean[i] = s / (float)DIM;
    }
    for (int i = 0; i < ROWS; i++) {
        float s = 0.0f;
        for (int j = 0; j < DIM; j++) {
            float d = x[i][j] - mean[i];
            s += d * d;
        }
        rstd[i] = 1.0f / sqrtf(s / (float)DIM + 1e-5f);
    }
    for (int i = 0; i < ROWS; i++)
        for (int j = 0; j < DIM; j++)
            y[i][j] = (x[i][j] - mean[i]) * rstd[i] * gamma_[j] + beta[j];
}

static void init(void)
{
    for (int i = 0; i < ROWS; i++)
        for (int j = 0; j < DIM; j++)
            x[i][j] = (float)((i * 19 + j * 23) % 97 - 48) / 12.0f + (float)(i % 5);
    for (int j = 0; j < DIM; j++) {
        gamma_[j] = 1.0f + (float)(j % 7 - 3) / 16.0f;
        beta[j] = (float)(j % 11 - 5) / 32.0f;
    }
}

int main(void)
{
    init();
    layer_norm();
    fwrite(mean, sizeof mean, 1, stdout);
    fwrite(rstd, sizeof rstd, 1, stdout);
    fwrite(y, sizeof y, 1, stdout);
    return 0;
}
