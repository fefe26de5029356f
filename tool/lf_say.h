/* SPDX-License-Identifier: MIT */
#ifndef LF_SAY_H
#define LF_SAY_H

#include "lf_audit.h"
#include "lf_buf.h"
#include "lf_reason.h"
#include "lf_rewrite.h"

/* What a group's explanation says when isl gave up listing its
 * dependences.
 */
#define LF_SAY_INCOMPLETE \
	"the dependences between the fused nests are not listed: too complex"

/* What the HTML page says of a group the audit forms but the rewrite
 * leaves as it is (its messages say why).
 */
#define LF_SAY_UNAPPLIED "left as it is by the rewrite: see its messages"

/* Sentences about what loopfuse found and did.  Each returns a string
 * the caller frees (NULL when out of memory).
 */
__isl_give char *lf_say_reason(__isl_keep const struct lf_reason *reason);
int lf_say_has(enum lf_why why);
char *lf_say_audit_reason(const struct lf_audit_reason *ar);
char *lf_say_dep_kept(const struct lf_audit_dep *dep);
char *lf_say_group_summary(const struct lf_audit_group *group);
int lf_say_dep_repeats(const struct lf_audit_group *group, int i);
char *lf_say_message(const struct lf_message *m);
const char *lf_say_message_kind(const struct lf_message *m);
__isl_give char *lf_say_pair_label(__isl_keep const struct lf_audit_pair *pair);
__isl_give char *lf_say_pair_witness(
	__isl_keep const struct lf_audit_pair *pair);
__isl_give char *lf_say_group_hint(
	__isl_keep const struct lf_audit_group *group);
__isl_keep const char *lf_say_action(int n_nest, int all);
void lf_say_add_iters(struct lf_buf *buf, char **iters, int n);
void lf_say_add_apart(struct lf_buf *buf, const char *lead, char **apart,
	int n);

#endif
