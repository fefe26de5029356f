/* SPDX-License-Identifier: MIT */
#ifndef LF_DELIN_H
#define LF_DELIN_H

#include <isl/aff.h>
#include <isl/set.h>

#include "lf_build.h"

/* The front end's state for flat subscripts (lf_delin.c reads them,
 * lf_delin_shape.c finds the shape of their arrays).  Not part of the
 * public interface.
 */

/* The most sizes a monomial may have. */
#define LF_DELIN_MAX_SIZES	8

/* One term coef * size[0] * ... * size[n_size - 1], sizes sorted by
 * name.
 */
struct lf_delin_term {
	isl_pw_aff *coef;
	int n_size;
	char *size[LF_DELIN_MAX_SIZES];
};

struct lf_delin_poly {
	int n;
	struct lf_delin_term *terms;
};

/* An access whose subscript is a flat polynomial, waiting for the
 * shape of its array: its statement's domain as it was when the access
 * was found (with the iterators of loops inside a compound statement)
 * and how many of those iterators are the statement's.
 */
struct lf_delin_flat {
	int access;
	int stmt_depth;
	isl_set *dom;
	struct lf_delin_poly *poly;
};

/* An array refused in an earlier attempt at the run, keyed by usr. */
struct lf_delin_refusal {
	char *usr;
	struct lf_reason *reason;
};

struct lf_delin {
	int n_flat;
	struct lf_delin_flat *flat;
	int n_refused;
	struct lf_delin_refusal *refused;
};

void lf_delin_flat_clear(__isl_keep struct lf_delin_flat *f);

#endif
