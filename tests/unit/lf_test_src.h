/* SPDX-License-Identifier: MIT */
#ifndef LF_TEST_SRC_H
#define LF_TEST_SRC_H

/* C sources several suites feed to loopfuse. */

/* A matrix product alone, C = A B over n x n floats, in function f; its
 * nest spans lines 5-10.
 */
#define LF_TEST_PRODUCT_SRC(n) \
	"#define N " #n "\n" \
	"float A[N][N], B[N][N], C[N][N];\n" \
	"void f(void)\n" \
	"{\n" \
	"\tfor (int i = 0; i < N; i++)\n" \
	"\t\tfor (int j = 0; j < N; j++) {\n" \
	"\t\t\tC[i][j] = 0.0f;\n" \
	"\t\t\tfor (int k = 0; k < N; k++)\n" \
	"\t\t\t\tC[i][j] += A[i][k] * B[k][j];\n" \
	"\t\t}\n" \
	"}\n"

#endif
