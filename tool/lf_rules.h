/* SPDX-License-Identifier: MIT */
#ifndef LF_RULES_H
#define LF_RULES_H

#include "lf_audit.h"
#include "lf_reason.h"

/* The audit's rules: one stable id per kind of verdict, with a name, a
 * summary and a help text (for the reports and SARIF).  Reasons map to
 * rules by their kind.
 */
/* The rules, in the order of lf_rules(); the ids never change.
 */
enum lf_rule {
	LF_RULE_SUBSCRIPT,
	LF_RULE_BOUND,
	LF_RULE_IMPURE_CALL,
	LF_RULE_IO_CALL,
	LF_RULE_VOLATILE,
	LF_RULE_CONTROL_FLOW,
	LF_RULE_WHILE,
	LF_RULE_MAY_ALIAS,
	LF_RULE_FLOW,
	LF_RULE_ANTI,
	LF_RULE_OUTPUT,
	LF_RULE_TOO_COMPLEX,
	LF_RULE_CONSTRUCT,
	LF_RULE_ITERATOR,
	LF_RULE_PREPROCESSOR,
	LF_RULE_LOOP_FORM,
	LF_RULE_LOOP_MISMATCH,
	LF_RULE_FAILED,
	LF_RULE_ITERATOR_RANGE,
	LF_RULE_CALL_KEPT,
	LF_RULE_FUSABLE,
	LF_RULE_FUSABLE_SHIFT,
	LF_RULE_GROUP,
	LF_RULE_TILED,
	LF_RULE_N
};

struct lf_rule_info {
	const char *id;
	const char *name;
	const char *summary;
	const char *help;
};

__isl_keep const struct lf_rule_info *lf_rules(void);
enum lf_rule lf_rule_of(__isl_keep const struct lf_reason *reason);
enum lf_rule lf_rule_of_audit(__isl_keep const struct lf_audit_reason *reason);
enum lf_rule lf_rule_of_pair(__isl_keep const struct lf_audit_pair *pair);
enum lf_rule lf_rule_of_group(__isl_keep const struct lf_audit_group *group);
__isl_keep const char *lf_verdict_name(enum lf_verdict verdict);
__isl_keep const char *lf_dep_kind_name(enum lf_dep_kind kind);

#endif
