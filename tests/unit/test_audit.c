/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/ctx.h>
#include <isl/options.h>
#include <json-c/json.h>

#include "lf_audit.h"
#include "lf_buf.h"
#include "lf_cli.h"
#include "lf_frontend.h"
#include "lf_report.h"
#include "lf_rewrite.h"
#include "lf_rules.h"
#include "lf_say.h"
#include "lf_read.h"
#include "lf_test_src.h"

/* The audit behind loopfuse --check: the verdict, rule and witness of
 * every pair of nests of the testdata programs, and the JSON and SARIF
 * renderings of those audits, parsed back and checked against their
 * structure.
 */

#define MAX_WORDS 32

static isl_ctx *ctx;

static void setup(void)
{
	ctx = isl_ctx_alloc();
	isl_options_set_on_error(ctx, ISL_ON_ERROR_CONTINUE);
	isl_ctx_set_max_operations(ctx, 20000000);
}

static void teardown(void)
{
	isl_ctx_free(ctx);
}

/* The words of the RUN-ARGS directives at the top of "text", as
 * testdata.sh reads them, appended to words[*n].
 */
static void run_args(const char *text, char **words, int *n)
{
	const char *line = text;

	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t) (end - line) : strlen(line);
		char buf[512], *w;

		if (len > 0 && strncmp(line, "//", 2))
			break;
		if (len < sizeof(buf)) {
			memcpy(buf, line, len);
			buf[len] = '\0';
			w = strstr(buf, "RUN-ARGS:");
			for (w = w ? strtok(w + 9, " \t\r") : NULL; w;
			     w = strtok(NULL, " \t\r"))
				if (*n < MAX_WORDS)
					words[(*n)++] = strdup(w);
		}
		if (!end)
			break;
		line = end + 1;
	}
}

/* Parse "text", the contents of options->input, and audit it as the
 * --check path does.
 */
static struct lf_audit *parse_audit(const struct lf_cli_options *options,
	const char *text, size_t len)
{
	struct lf_frontend_options fopt = { options->function, options->argc,
					    options->argv,
					    !options->opt.no_inline };
	struct lf_options opt = lf_run_options(options);
	struct lf_file *file;
	struct lf_audit *audit;

	file = lf_frontend_parse(ctx, options->input, text, len, &fopt,
				 stderr);
	if (!file)
		return NULL;
	audit = lf_audit_file(file, &opt);
	lf_file_free(file);
	return audit;
}

/* Audit testdata file "name" with its RUN-ARGS, through the command
 * line parser and the --check path.
 */
static struct lf_audit *audit_file(const char *name, char **text_out)
{
	char path[1024], *words[MAX_WORDS], *argv[MAX_WORDS + 5];
	struct lf_cli_options options;
	struct lf_audit *audit;
	int i, n = 0, argc = 0, done, dd;
	size_t len;
	char *text;

	snprintf(path, sizeof(path), "%s/%s", LF_TESTDATA_DIR, name);
	text = lf_read_file(path, &len, stderr);
	ck_assert_ptr_nonnull(text);
	run_args(text, words, &n);
	argv[argc++] = "loopfuse";
	argv[argc++] = "--check";
	argv[argc++] = "--tile-size=32";
	for (dd = 0; dd < n && strcmp(words[dd], "--"); ++dd)
		argv[argc++] = words[dd];
	argv[argc++] = path;
	for (i = dd; i < n; ++i)
		argv[argc++] = words[i];
	argv[argc] = NULL;
	ck_assert_int_eq(lf_cli_parse(argc, argv, &options, &done), 0);
	ck_assert_int_eq(options.check, 1);
	audit = parse_audit(&options, text, len);
	ck_assert_msg(audit != NULL, "%s: no audit", name);
	for (i = 0; i < n; ++i)
		free(words[i]);
	if (text_out)
		*text_out = text;
	else
		free(text);
	return audit;
}

/* Pair number "index" (counting over all functions) of "audit".
 */
static const struct lf_audit_pair *pair_at(const struct lf_audit *audit,
	int index, const struct lf_audit_function **fn)
{
	int f;

	for (f = 0; f < audit->n_function; ++f) {
		if (index < audit->functions[f].n_pair) {
			*fn = &audit->functions[f];
			return &audit->functions[f].pairs[index];
		}
		index -= audit->functions[f].n_pair;
	}
	return NULL;
}

static int pair_count(const struct lf_audit *audit)
{
	int f, n = 0;

	for (f = 0; f < audit->n_function; ++f)
		n += audit->functions[f].n_pair;
	return n;
}

/* The expected verdict of one pair: for the fusable ones the depth and
 * whether the cost model keeps them apart, for the others the rule and
 * the line of the construct or of the sink access, and for a dependence
 * the line of the source access.
 */
struct expect {
	const char *file;
	int pair;
	enum lf_verdict verdict;
	int depth;
	const char *rule;
	unsigned line;
	unsigned source_line;
	int apart;
};

#define FUSABLE(f, p, d) { f, p, LF_VERDICT_FUSABLE, d, "LF100", 0, 0, 0 }
#define APART(f, p, d) { f, p, LF_VERDICT_FUSABLE, d, "LF100", 0, 0, 1 }
#define OPAQUE(f, r, l) { f, 0, LF_VERDICT_NOT_ANALYSABLE, 0, r, l, 0, 0 }
#define OPAQUE_AT(f, p, r, l) { f, p, LF_VERDICT_NOT_ANALYSABLE, 0, r, l, 0, 0 }
#define ILLEGAL(f, p, r, l, s) { f, p, LF_VERDICT_ILLEGAL, 0, r, l, s, 0 }

static const struct expect expects[] = {
	FUSABLE("calls_conv_bn_relu.c", 0, 2),
	FUSABLE("calls_conv_bn_relu.c", 1, 2),
	FUSABLE("calls_dense_bias_gelu.c", 0, 2),
	FUSABLE("calls_dense_bias_gelu.c", 1, 2),
	FUSABLE("calls_global_write.c", 0, 1),
	ILLEGAL("calls_global_write.c", 1, "LF009", 29, 27),
	OPAQUE("calls_neg_formal_assigned.c", "LF020", 28),
	OPAQUE_AT("calls_neg_formal_assigned.c", 1, "LF020", 28),
	OPAQUE("calls_neg_pointer.c", "LF020", 26),
	OPAQUE_AT("calls_neg_pointer.c", 1, "LF020", 26),
	OPAQUE("calls_neg_recursive.c", "LF020", 28),
	OPAQUE_AT("calls_neg_recursive.c", 1, "LF020", 28),
	OPAQUE("calls_neg_shadow.c", "LF020", 28),
	OPAQUE_AT("calls_neg_shadow.c", 1, "LF020", 28),
	FUSABLE("conv3x3_bn_relu.c", 0, 3),
	FUSABLE("conv3x3_bn_relu.c", 1, 3),
	FUSABLE("elementwise_chain.c", 0, 2),
	FUSABLE("elementwise_chain.c", 1, 2),
	FUSABLE("elementwise_chain.c", 2, 2),
	FUSABLE("layernorm_rows.c", 0, 1),
	FUSABLE("layernorm_rows.c", 1, 1),
	FUSABLE("softmax_rows.c", 0, 1),
	FUSABLE("softmax_rows.c", 1, 1),
	OPAQUE("neg_break.c", "LF006", 26),
	ILLEGAL("neg_dep_reversed_overwrite.c", 0, "LF010", 20, 18),
	ILLEGAL("neg_dep_reversed_read.c", 0, "LF009", 21, 19),
	ILLEGAL("neg_dep_scalar_reduction.c", 0, "LF009", 21, 19),
	ILLEGAL("neg_dep_transposed_read.c", 0, "LF009", 28, 24),
	OPAQUE("neg_goto.c", "LF006", 18),
	OPAQUE("neg_impure_call.c", "LF003", 24),
	OPAQUE("neg_indirect_subscript.c", "LF001", 20),
	{ "neg_may_alias.c", 0, LF_VERDICT_NOT_ANALYSABLE, 0, "LF008",
	  20, 18, 0 },
	OPAQUE("neg_param_stride.c", "LF001", 25),
	OPAQUE("neg_printf.c", "LF004", 20),
	OPAQUE("neg_square_subscript.c", "LF001", 19),
	OPAQUE("neg_volatile.c", "LF005", 18),
	OPAQUE("neg_while.c", "LF007", 21),
	APART("noop_in_l1.c", 0, 1),
	APART("noop_small_saving.c", 0, 1),
	FUSABLE("pos_alias_assumed.c", 0, 1),
	FUSABLE("pos_reduction_blocks.c", 0, 2),
	FUSABLE("pos_reduction_blocks.c", 1, 2),
	FUSABLE("pos_casts.c", 0, 1),
	FUSABLE("pos_contract_chain.c", 0, 2),
	FUSABLE("pos_contract_chain.c", 1, 2),
	FUSABLE("pos_casts.c", 1, 1),
	FUSABLE("pos_crlf_lines.c", 0, 1),
	FUSABLE("pos_decreasing.c", 0, 1),
	FUSABLE("pos_decreasing.c", 1, 2),
	FUSABLE("pos_flat_stride.c", 0, 2),
	FUSABLE("pos_flat_stride.c", 1, 2),
	FUSABLE("pos_if_and_or.c", 0, 2),
	FUSABLE("pos_if_and_or.c", 1, 2),
	FUSABLE("pos_iter_outside.c", 0, 2),
	FUSABLE("pos_local_array.c", 0, 2),
	FUSABLE("pos_local_scalar.c", 0, 1),
	FUSABLE("pos_local_scalar.c", 1, 1),
	FUSABLE("pos_long_iter.c", 0, 2),
	FUSABLE("pos_math_calls.c", 0, 2),
	FUSABLE("pos_math_calls.c", 1, 2),
	FUSABLE("pos_math_calls.c", 2, 2),
	FUSABLE("pos_minmax_bounds.c", 0, 1),
	FUSABLE("pos_outer_level_only.c", 0, 1),
	FUSABLE("pos_pointer_to_array.c", 0, 2),
	FUSABLE("pos_size_cmdline.c", 0, 1),
	FUSABLE("pos_size_const.c", 0, 2),
	FUSABLE("pos_size_define.c", 0, 2),
	FUSABLE("pos_size_define.c", 1, 2),
	FUSABLE("pos_size_enum.c", 0, 2),
	FUSABLE("pos_size_param.c", 0, 2),
	FUSABLE("pos_size_t_iter.c", 0, 2),
	FUSABLE("pos_static_helper.c", 0, 2),
	FUSABLE("pos_step2.c", 0, 1),
	FUSABLE("pos_step2.c", 1, 1),
	FUSABLE("pos_vla_restrict.c", 0, 2),
	FUSABLE("seed_matmul_relu.c", 0, 2),
	FUSABLE("tvm_conv_bn_relu.c", 0, 3),
	FUSABLE("tvm_conv_bn_relu.c", 1, 3),
	FUSABLE("tvm_depthwise_conv_bn_relu.c", 0, 3),
	FUSABLE("tvm_depthwise_conv_bn_relu.c", 1, 3),
	FUSABLE("tvm_rnn_cell.c", 0, 1),
	FUSABLE("tvm_rnn_cell.c", 1, 1),
	FUSABLE("tvm_lstm_cell.c", 0, 1),
	FUSABLE("tvm_lstm_cell.c", 1, 1),
	FUSABLE("tvm_lstm_cell.c", 2, 1),
	FUSABLE("tvm_lstm_cell.c", 3, 1),
	FUSABLE("tvm_lstm_cell.c", 4, 1),
	ILLEGAL("tvm_lstm_cell.c", 5, "LF009", 30, 28),
	ILLEGAL("tvm_lstm_cell.c", 6, "LF009", 37, 35),
	ILLEGAL("tvm_lstm_cell.c", 7, "LF009", 44, 42),
	ILLEGAL("tvm_lstm_cell.c", 8, "LF009", 51, 49),
};

#define N_EXPECT ((int) (sizeof(expects) / sizeof(expects[0])))

static int expect_count(const char *file)
{
	int i, n = 0;

	for (i = 0; i < N_EXPECT; ++i)
		if (!strcmp(expects[i].file, file))
			n++;
	return n;
}

/* Whether the sentence of "r" contains "want". */
static int says(const struct lf_audit_reason *r, const char *want)
{
	char *message = lf_say_audit_reason(r);
	int found;

	ck_assert_ptr_nonnull(message);
	found = strstr(message, want) != NULL;
	free(message);
	return found;
}

/* The pair names its rule, and a dependence its two accesses with
 * their locations and an iteration or an example, and the relation.
 */
static void check_reason(const struct expect *e,
	const struct lf_audit_pair *pair)
{
	const struct lf_audit_reason *r = &pair->reason;

	char *message = lf_say_audit_reason(r);

	ck_assert_str_eq(lf_rules()[lf_rule_of_audit(r)].id, e->rule);
	ck_assert_ptr_nonnull(r->reason);
	ck_assert_msg(r->reason->loc.line == e->line, "%s: line %u, want %u",
		      e->file, r->reason->loc.line, e->line);
	ck_assert_ptr_nonnull(message);
	ck_assert_int_eq(r->has_dep, e->source_line != 0);
	if (!r->has_dep) {
		free(message);
		return;
	}
	ck_assert_uint_eq(r->dep.source.loc.line, e->source_line);
	ck_assert_uint_eq(r->dep.sink.loc.line, e->line);
	ck_assert_ptr_nonnull(r->dep.relation);
	ck_assert_msg(r->dep.iteration || r->dep.example_source,
		      "%s: no concrete iteration", e->file);
	ck_assert_ptr_nonnull(strstr(message, r->dep.source.array));
	free(message);
}

static void check_expect(const struct expect *e,
	const struct lf_audit *audit)
{
	const struct lf_audit_function *fn;
	const struct lf_audit_pair *pair = pair_at(audit, e->pair, &fn);

	ck_assert_msg(pair != NULL, "%s: no pair %d", e->file, e->pair);
	ck_assert_msg(pair->verdict == e->verdict, "%s pair %d: %s, want %s",
		      e->file, e->pair, lf_verdict_name(pair->verdict),
		      lf_verdict_name(e->verdict));
	ck_assert_int_eq(pair->depth, e->depth);
	ck_assert_str_eq(lf_rules()[lf_rule_of_pair(pair)].id,
			 e->rule);
	if (e->verdict == LF_VERDICT_FUSABLE) {
		ck_assert_int_eq(pair->fused, !e->apart);
		return;
	}
	check_reason(e, pair);
}

/* The text report has one remark per pair, at the expected line, with
 * the rule id.
 */
static void check_text(const struct expect *e, const char *text)
{
	char want[256];

	if (e->verdict == LF_VERDICT_FUSABLE)
		return;
	snprintf(want, sizeof(want), "%s:%u:", e->file, e->line);
	ck_assert_msg(strstr(text, want) != NULL, "%s: no line %s", e->file,
		      want);
	snprintf(want, sizeof(want), "[%s]\n", e->rule);
	ck_assert_ptr_nonnull(strstr(text, want));
}

/* JSON. */

static struct json_object *get(struct json_object *obj, const char *key,
	json_type type)
{
	struct json_object *v = NULL;

	ck_assert_msg(json_object_object_get_ex(obj, key, &v),
		      "missing \"%s\"", key);
	ck_assert_msg(json_object_is_type(v, type), "\"%s\" has type %s",
		      key, json_type_to_name(json_object_get_type(v)));
	return v;
}

static int get_int(struct json_object *obj, const char *key)
{
	return json_object_get_int(get(obj, key, json_type_int));
}

static const char *get_str(struct json_object *obj, const char *key)
{
	return json_object_get_string(get(obj, key, json_type_string));
}

static void check_json_loc(struct json_object *loc)
{
	ck_assert_int_ge(get_int(loc, "line"), 1);
	ck_assert_int_ge(get_int(loc, "column"), 1);
	get(loc, "file", json_type_string);
}

static void check_json_rule(const char *id)
{
	int r;

	for (r = 0; r < LF_RULE_N; ++r)
		if (!strcmp(lf_rules()[r].id, id))
			return;
	ck_abort_msg("unknown rule %s", id);
}

static void check_json_ref(struct json_object *ref)
{
	get_str(ref, "access");
	get_str(ref, "array");
	get_str(ref, "statement");
	check_json_loc(get(ref, "location", json_type_object));
	check_json_loc(get(ref, "statement_location", json_type_object));
	ck_assert_int_ge(get_int(ref, "nest"), 1);
}

static void check_json_reason(struct json_object *reason)
{
	struct json_object *dep = NULL;

	check_json_rule(get_str(reason, "rule"));
	get_str(reason, "message");
	check_json_loc(get(reason, "location", json_type_object));
	json_object_object_get_ex(reason, "dependence", &dep);
	if (!dep)
		return;
	get_str(dep, "kind");
	get_str(dep, "relation");
	check_json_ref(get(dep, "source", json_type_object));
	check_json_ref(get(dep, "sink", json_type_object));
}

static void check_json_pair(struct json_object *jp,
	const struct lf_audit_pair *pair)
{
	struct json_object *nests = get(jp, "nests", json_type_array);
	struct json_object *reason = NULL;

	ck_assert_str_eq(get_str(jp, "verdict"),
			 lf_verdict_name(pair->verdict));
	ck_assert_int_eq(get_int(jp, "depth"), pair->depth);
	ck_assert_int_eq(json_object_array_length(nests), 2);
	ck_assert_int_eq(json_object_get_int(
		json_object_array_get_idx(nests, 0)), pair->first + 1);
	check_json_rule(get_str(jp, "rule"));
	check_json_loc(get(jp, "location", json_type_object));
	get(jp, "tilable", json_type_boolean);
	get(jp, "fused", json_type_boolean);
	json_object_object_get_ex(jp, "reason", &reason);
	ck_assert_int_eq(reason != NULL, pair->verdict != LF_VERDICT_FUSABLE);
	if (reason)
		check_json_reason(reason);
}

static void check_json_function(struct json_object *jf,
	const struct lf_audit_function *fn)
{
	struct json_object *nests = get(jf, "nests", json_type_array);
	struct json_object *pairs = get(jf, "pairs", json_type_array);
	struct json_object *groups = get(jf, "groups", json_type_array);
	int i;

	ck_assert_str_eq(get_str(jf, "name"), fn->name);
	ck_assert_int_eq(json_object_array_length(nests), fn->n_nest);
	ck_assert_int_eq(json_object_array_length(pairs), fn->n_pair);
	ck_assert_int_eq(json_object_array_length(groups), fn->n_group);
	for (i = 0; i < fn->n_nest; ++i) {
		struct json_object *jn = json_object_array_get_idx(nests, i);

		ck_assert_int_eq(get_int(jn, "id"), i + 1);
		check_json_loc(get(jn, "location", json_type_object));
		ck_assert_int_eq(json_object_get_boolean(get(jn, "modeled",
			json_type_boolean)), !fn->nests[i].opaque);
		ck_assert_int_eq(get_int(jn, "call_nests"),
				 fn->nests[i].n_call_nest);
		if (fn->nests[i].call)
			ck_assert_str_eq(get_str(jn, "call"),
					 fn->nests[i].call);
	}
	for (i = 0; i < fn->n_pair; ++i)
		check_json_pair(json_object_array_get_idx(pairs, i),
				&fn->pairs[i]);
	for (i = 0; i < fn->n_group; ++i) {
		struct json_object *jg = json_object_array_get_idx(groups, i);

		ck_assert_int_eq(get_int(jg, "depth"), fn->groups[i].depth);
		get(jg, "dependences", json_type_array);
		get(jg, "tiled", json_type_boolean);
	}
}

/* Parse the JSON report of "audit" back and compare it with the audit.
 */
static void check_json(const struct lf_audit *audit)
{
	char *s = lf_report_json(audit);
	struct json_object *doc, *fns, *sum;
	int f;

	ck_assert_ptr_nonnull(s);
	doc = json_tokener_parse(s);
	ck_assert_msg(doc != NULL, "JSON does not parse");
	ck_assert_str_eq(get_str(doc, "schema"), "loopfuse-audit");
	ck_assert_int_eq(get_int(doc, "schema_version"), 2);
	ck_assert_str_eq(get_str(get(doc, "tool", json_type_object), "name"),
			 "loopfuse");
	fns = get(doc, "functions", json_type_array);
	ck_assert_int_eq(json_object_array_length(fns), audit->n_function);
	for (f = 0; f < audit->n_function; ++f)
		check_json_function(json_object_array_get_idx(fns, f),
				    &audit->functions[f]);
	sum = get(doc, "summary", json_type_object);
	ck_assert_int_eq(get_int(sum, "illegal"),
			 lf_audit_count(audit, LF_VERDICT_ILLEGAL));
	ck_assert_int_eq(get_int(sum, "pairs"), pair_count(audit));
	json_object_put(doc);
	free(s);
}

/* SARIF 2.1.0: the properties the schema requires, the ones code
 * scanning relies on, and 1-based regions.
 */

static void check_sarif_message(struct json_object *obj)
{
	const char *text;

	text = get_str(get(obj, "message", json_type_object), "text");
	ck_assert_msg(text[0] != '\0', "empty message");
}

static void check_sarif_physical(struct json_object *loc)
{
	struct json_object *phys, *region;

	phys = get(loc, "physicalLocation", json_type_object);
	ck_assert_msg(get_str(get(phys, "artifactLocation", json_type_object),
			      "uri")[0] != '\0', "empty uri");
	region = get(phys, "region", json_type_object);
	ck_assert_int_ge(get_int(region, "startLine"), 1);
	ck_assert_int_ge(get_int(region, "startColumn"), 1);
}

static int check_sarif_level(const char *level)
{
	return !strcmp(level, "none") || !strcmp(level, "note") ||
	       !strcmp(level, "warning") || !strcmp(level, "error");
}

/* Results of these rules relate both accesses and both nests. */
static int is_dep_rule(const char *id)
{
	return !strcmp(id, "LF008") || !strcmp(id, "LF009") ||
	       !strcmp(id, "LF010") || !strcmp(id, "LF011");
}

static void check_sarif_result(struct json_object *res,
	struct json_object *rules)
{
	struct json_object *locs, *related = NULL, *rule;
	const char *id = get_str(res, "ruleId");
	int index = get_int(res, "ruleIndex"), i, n;

	ck_assert_int_ge(index, 0);
	ck_assert_int_lt(index, json_object_array_length(rules));
	rule = json_object_array_get_idx(rules, index);
	ck_assert_str_eq(get_str(rule, "id"), id);
	ck_assert(check_sarif_level(get_str(res, "level")));
	check_sarif_message(res);
	locs = get(res, "locations", json_type_array);
	ck_assert_int_ge(json_object_array_length(locs), 1);
	for (i = 0; i < (int) json_object_array_length(locs); ++i)
		check_sarif_physical(json_object_array_get_idx(locs, i));
	json_object_object_get_ex(res, "relatedLocations", &related);
	n = related ? (int) json_object_array_length(related) : 0;
	for (i = 0; i < n; ++i) {
		struct json_object *r = json_object_array_get_idx(related, i);

		ck_assert_int_eq(get_int(r, "id"), i + 1);
		check_sarif_physical(r);
		check_sarif_message(r);
	}
	if (is_dep_rule(id))
		ck_assert_int_ge(n, 4);
}

static void check_sarif_rules(struct json_object *rules)
{
	int i, j, n = json_object_array_length(rules);

	ck_assert_int_eq(n, LF_RULE_N);
	for (i = 0; i < n; ++i) {
		struct json_object *rule = json_object_array_get_idx(rules, i);

		ck_assert_str_eq(get_str(rule, "id"), lf_rules()[i].id);
		get_str(rule, "name");
		get_str(get(rule, "shortDescription", json_type_object),
			"text");
		for (j = 0; j < i; ++j)
			ck_assert_str_ne(lf_rules()[j].id,
					 lf_rules()[i].id);
	}
}

static int check_sarif_text(const char *s)
{
	struct json_object *log, *runs, *run, *driver, *rules, *results;
	int i, n;

	log = json_tokener_parse(s);
	ck_assert_msg(log != NULL, "SARIF does not parse");
	ck_assert_str_eq(get_str(log, "version"), "2.1.0");
	ck_assert_ptr_nonnull(strstr(get_str(log, "$schema"), "sarif"));
	runs = get(log, "runs", json_type_array);
	ck_assert_int_eq(json_object_array_length(runs), 1);
	run = json_object_array_get_idx(runs, 0);
	driver = get(get(run, "tool", json_type_object), "driver",
		     json_type_object);
	ck_assert_str_eq(get_str(driver, "name"), "loopfuse");
	get_str(driver, "version");
	rules = get(driver, "rules", json_type_array);
	check_sarif_rules(rules);
	results = get(run, "results", json_type_array);
	n = json_object_array_length(results);
	for (i = 0; i < n; ++i)
		check_sarif_result(json_object_array_get_idx(results, i),
				   rules);
	json_object_put(log);
	return n;
}

static void check_sarif(const struct lf_audit *audit)
{
	char *s = lf_report_sarif(audit);
	int f, n = 0;

	ck_assert_ptr_nonnull(s);
	for (f = 0; f < audit->n_function; ++f)
		n += audit->functions[f].n_pair + audit->functions[f].n_group;
	ck_assert_int_eq(check_sarif_text(s), n);
	free(s);
}

/* Every expectation of one file, in all three formats.
 */
static void check_file(const char *name)
{
	struct lf_audit *audit = audit_file(name, NULL);
	char *text = lf_report_text(audit);
	int i;

	ck_assert_ptr_nonnull(text);
	ck_assert_msg(pair_count(audit) == expect_count(name),
		      "%s: %d pairs, %d expected", name, pair_count(audit),
		      expect_count(name));
	for (i = 0; i < N_EXPECT; ++i) {
		if (strcmp(expects[i].file, name))
			continue;
		check_expect(&expects[i], audit);
		check_text(&expects[i], text);
	}
	check_json(audit);
	check_sarif(audit);
	free(text);
	lf_audit_free(audit);
}

/* Each file once, at its first expectation. */
START_TEST(test_testdata)
{
	int i;

	for (i = 0; i < _i; ++i)
		if (!strcmp(expects[i].file, expects[_i].file))
			return;
	check_file(expects[_i].file);
}
END_TEST

/* A program of testdata/ without expectations here still gets a valid
 * audit in every format: a negative one has a pair that is not fusable,
 * with a rule and a location, and a positive one a fusable pair or a
 * nest tiled alone.
 */
static void check_unlisted(const char *name)
{
	struct lf_audit *audit = audit_file(name, NULL);
	const struct lf_audit_function *fn;
	const struct lf_audit_pair *pair;
	int i, fusable = 0, other = 0;

	for (i = 0; (pair = pair_at(audit, i, &fn)) != NULL; ++i) {
		if (pair->verdict == LF_VERDICT_FUSABLE ||
		    pair->verdict == LF_VERDICT_FUSABLE_SHIFT) {
			fusable++;
			continue;
		}
		other++;
		ck_assert_ptr_nonnull(pair->reason.reason);
		ck_assert(says(&pair->reason, ""));
		ck_assert_uint_ge(pair->reason.reason->loc.line, 1);
	}
	if (!strncmp(name, "neg_", 4))
		ck_assert_msg(other > 0, "%s: every pair is fusable", name);
	if (!strncmp(name, "pos_", 4))
		ck_assert_msg(fusable > 0 || lf_audit_count_groups(audit, 1),
			      "%s: no fusable pair, no nest tiled alone", name);
	check_json(audit);
	check_sarif(audit);
	lf_audit_free(audit);
}

START_TEST(test_testdata_unlisted)
{
	DIR *dir = opendir(LF_TESTDATA_DIR);
	struct dirent *e;

	ck_assert_ptr_nonnull(dir);
	while ((e = readdir(dir)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len < 3 || strcmp(e->d_name + len - 2, ".c") ||
		    expect_count(e->d_name) > 0)
			continue;
		check_unlisted(e->d_name);
	}
	closedir(dir);
}
END_TEST

/* The one pair of the seed, rendered: the text names the depth and the
 * tiling, and the witness of a dependence names its iteration in the
 * program's own sizes.
 */
START_TEST(test_text_witness)
{
	struct lf_audit *audit = audit_file("neg_dep_reversed_read.c", NULL);
	char *text = lf_report_text(audit);

	ck_assert_ptr_nonnull(strstr(text, "illegal: mirrored[i] at 21:3 "
		"reads energy[N - 1 - i], written at 19:3 by iteration "
		"N - i - 1 of the first loop: after fusion it would be read "
		"before it is written [LF009]"));
	ck_assert_ptr_nonnull(strstr(text, "note: isl relation: "));
	free(text);
	lf_audit_free(audit);
	audit = audit_file("seed_matmul_relu.c", NULL);
	text = lf_report_text(audit);
	ck_assert_ptr_nonnull(strstr(text, "fusable at depth 2 in (i, j), "
				     "tiling legal [LF100]"));
	ck_assert_ptr_nonnull(strstr(text, "share the (i, j) loops "
				     "(depth 2), tiled 32x32"));
	free(text);
	lf_audit_free(audit);
}
END_TEST

/* A fusable pair that cannot share its inner loop says why. */
START_TEST(test_limit)
{
	struct lf_audit *audit = audit_file("pos_outer_level_only.c", NULL);
	const struct lf_audit_pair *pair = &audit->functions[0].pairs[0];

	ck_assert_int_eq(pair->max_depth, 2);
	ck_assert_ptr_nonnull(pair->limit);
	ck_assert_int_eq(lf_rule_of_audit(pair->limit), LF_RULE_FLOW);
	ck_assert_str_eq(pair->limit->dep.iteration, "(i, COLS - j - 1)");
	lf_audit_free(audit);
}
END_TEST

static struct lf_audit *audit_text(const char *src)
{
	struct lf_frontend_options fopt = { NULL, 0, NULL, 0 };
	struct lf_options aopt;
	struct lf_audit *audit;
	struct lf_file *file;

	memset(&aopt, 0, sizeof(aopt));
	aopt.tile_size = 32;

	file = lf_frontend_parse(ctx, "t.c", src, strlen(src), &fopt, stderr);
	ck_assert_ptr_nonnull(file);
	audit = lf_audit_file(file, &aopt);
	ck_assert_ptr_nonnull(audit);
	lf_file_free(file);
	return audit;
}

/* A consumer that reads one element ahead fuses with a shift: the
 * verdict, the shift and the dependence that needs it, in all formats.
 */
START_TEST(test_shift)
{
	struct lf_audit *audit = audit_text(
		"#define N 100\n"
		"float a[N + 1], b[N + 1], c[N];\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N + 1; i++)\n"
		"\t\ta[i] = b[i] * 2.0f;\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tc[i] = a[i] + a[i + 1];\n"
		"}\n");
	const struct lf_audit_pair *pair = &audit->functions[0].pairs[0];
	char *s;

	ck_assert_int_eq(pair->verdict, LF_VERDICT_FUSABLE_SHIFT);
	ck_assert_int_eq(pair->depth, 1);
	ck_assert_int_eq(pair->shift[0], 1);
	ck_assert_int_eq(lf_rule_of_pair(pair), LF_RULE_FUSABLE_SHIFT);
	ck_assert(says(&pair->reason, "by iteration i + 1 of the first loop"));
	s = lf_report_text(audit);
	ck_assert_ptr_nonnull(strstr(s, "fusable with shift 1 at depth 1"));
	ck_assert_ptr_nonnull(strstr(s, "[LF101]"));
	free(s);
	check_json(audit);
	check_sarif(audit);
	lf_audit_free(audit);
}
END_TEST

/* An iterator whose type cannot hold the loop's values falls under
 * its own rule, with advice about the type.
 */
START_TEST(test_iterator_range)
{
	struct lf_audit *audit = audit_text(
		"float a[256], b[256];\n"
		"void f(void)\n"
		"{\n"
		"\tfor (unsigned char c = 0; c <= 255; c++)\n"
		"\t\ta[c] = 1.0f;\n"
		"\tfor (int i = 0; i < 256; i++)\n"
		"\t\tb[i] = a[i];\n"
		"}\n");
	const struct lf_audit_pair *pair = &audit->functions[0].pairs[0];
	char *s;

	ck_assert_int_eq(pair->verdict, LF_VERDICT_NOT_ANALYSABLE);
	ck_assert_int_eq(lf_rule_of_pair(pair), LF_RULE_ITERATOR_RANGE);
	ck_assert(says(&pair->reason, "c can wrap around"));
	s = lf_report_text(audit);
	ck_assert_ptr_nonnull(strstr(s, "in the first loop [LF019]\n"));
	free(s);
	check_json(audit);
	check_sarif(audit);
	lf_audit_free(audit);
}
END_TEST

/* A matrix product with nothing to fuse is tiled alone: a group of one
 * nest under rule LF103, counted apart from the fusion groups, in all
 * formats; under --tile-size=0 it is not mentioned.
 */
START_TEST(test_tiled_alone)
{
	static const char src[] = LF_TEST_PRODUCT_SRC(256);
	struct lf_audit *audit = audit_text(src);
	const struct lf_audit_function *fn = &audit->functions[0];
	struct json_object *root, *summary;
	char *s;

	ck_assert_int_eq(fn->n_pair, 0);
	ck_assert_int_eq(fn->n_group, 1);
	ck_assert_int_eq(fn->groups[0].n, 1);
	ck_assert_int_eq(fn->groups[0].tiled, 1);
	ck_assert_int_eq(lf_rule_of_group(&fn->groups[0]), LF_RULE_TILED);
	ck_assert_int_eq(lf_audit_count_groups(audit, 0), 0);
	ck_assert_int_eq(lf_audit_count_groups(audit, 1), 1);
	s = lf_report_text(audit);
	ck_assert_ptr_nonnull(strstr(s, "remark: nest 1 tiled alone: lines "
				     "5-10: the (i, j) loops (depth 2), tiled "
				     "32x32"));
	ck_assert_ptr_nonnull(strstr(s, "k in blocks of 32"));
	ck_assert_ptr_nonnull(strstr(s, "[LF103]"));
	ck_assert_ptr_nonnull(strstr(s, "0 fusion groups, 1 nest tiled "
				     "alone\n"));
	free(s);
	s = lf_report_json(audit);
	root = json_tokener_parse(s);
	ck_assert_ptr_nonnull(root);
	summary = get(root, "summary", json_type_object);
	ck_assert_int_eq(get_int(summary, "groups"), 0);
	ck_assert_int_eq(get_int(summary, "tiled_alone"), 1);
	json_object_put(root);
	free(s);
	check_json(audit);
	check_sarif(audit);
	lf_audit_free(audit);
}
END_TEST

/* A pair that fuses without a shift over a band that is not permutable
 * (a[i - 1][j + 1] feeds a[i][j]): fusable, but tiling is not legal;
 * the same pair reading a[i - 1][j] may be tiled.
 */
START_TEST(test_not_tilable)
{
	static const char fmt[] =
		"#define N 64\n"
		"float a[N][N], b[N][N];\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 1; i < N; i++)\n"
		"\t\tfor (int j = 0; j < N - 1; j++)\n"
		"\t\t\ta[i][j] = a[i - 1][%s] + 1.0f;\n"
		"\tfor (int i = 1; i < N; i++)\n"
		"\t\tfor (int j = 0; j < N - 1; j++)\n"
		"\t\t\tb[i][j] = a[i][j] * 2.0f;\n"
		"}\n";
	static const char *column[] = { "j + 1", "j" };
	char src[512];
	int k;

	for (k = 0; k < 2; ++k) {
		struct lf_audit *audit;
		const struct lf_audit_pair *pair;

		snprintf(src, sizeof(src), fmt, column[k]);
		audit = audit_text(src);
		pair = &audit->functions[0].pairs[0];
		ck_assert_int_eq(pair->verdict, LF_VERDICT_FUSABLE);
		ck_assert_int_eq(pair->depth, 2);
		ck_assert_int_eq(pair->tilable, k);
		lf_audit_free(audit);
	}
}
END_TEST

/* In two dimensions, the shift is per loop, and the shifted band is not
 * permutable when a read runs ahead in the inner loop.  The arrays are
 * larger than the caches, where a shifted fusion pays.
 */
START_TEST(test_shift_2d)
{
	struct lf_audit *audit = audit_text(
		"#define N 1024\n"
		"float a[N + 2][N + 2], b[N][N];\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N + 2; i++)\n"
		"\t\tfor (int j = 0; j < N + 2; j++)\n"
		"\t\t\ta[i][j] = (float) (i + j);\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tfor (int j = 0; j < N; j++)\n"
		"\t\t\tb[i][j] = a[i][j] + a[i + 1][j] + a[i][j + 1];\n"
		"}\n");
	const struct lf_audit_pair *pair = &audit->functions[0].pairs[0];

	ck_assert_int_eq(pair->verdict, LF_VERDICT_FUSABLE_SHIFT);
	ck_assert_int_eq(pair->depth, 2);
	ck_assert_int_eq(pair->shift[0], 1);
	ck_assert_int_eq(pair->shift[1], 0);
	ck_assert_int_eq(pair->tilable, 0);
	ck_assert_str_eq(pair->reason.dep.iteration, "(i + 1, j)");
	ck_assert_int_eq(audit->functions[0].n_group, 1);
	ck_assert_int_eq(audit->functions[0].groups[0].shift[1][0], 1);
	lf_audit_free(audit);
}
END_TEST

/* A dependence that is not a function of the sink's iterations gets a
 * concrete example, with the sizes it needs.
 */
START_TEST(test_example)
{
	struct lf_audit *audit = audit_text(
		"void f(float *restrict x, float *restrict y, int n)\n"
		"{\n"
		"\tfloat s = 0;\n"
		"\n"
		"\tfor (int i = 0; i < n; i++)\n"
		"\t\ty[i] = s * x[i];\n"
		"\tfor (int i = 0; i < n; i++)\n"
		"\t\ts = x[i];\n"
		"}\n");
	const struct lf_audit_pair *pair = &audit->functions[0].pairs[0];

	ck_assert_int_eq(pair->verdict, LF_VERDICT_ILLEGAL);
	ck_assert_int_eq(lf_rule_of_audit(&pair->reason), LF_RULE_ANTI);
	ck_assert_ptr_null(pair->reason.dep.iteration);
	ck_assert_ptr_nonnull(pair->reason.dep.example_source);
	ck_assert_ptr_nonnull(pair->reason.dep.example_sink);
	ck_assert_ptr_nonnull(strstr(pair->reason.dep.example_params, "n = "));
	ck_assert(says(&pair->reason, "for example"));
	lf_audit_free(audit);
}
END_TEST

/* The renderers take a shifted verdict as it comes, whatever made it.
 */
START_TEST(test_render_shift)
{
	struct lf_audit *audit = audit_file("pos_size_param.c", NULL);
	struct lf_audit_pair *pair = &audit->functions[0].pairs[0];
	char *s;

	pair->verdict = LF_VERDICT_FUSABLE_SHIFT;
	pair->shift[1] = 2;
	pair->reason.reason = lf_reason_alloc(LF_WHY_TOO_COMPLEX,
		audit->functions[0].nests[1].loc, NULL, NULL);
	ck_assert_ptr_nonnull(pair->reason.reason);
	s = lf_report_text(audit);
	ck_assert_ptr_nonnull(strstr(s, "fusable with shift (0, 2) at "
				     "depth 2"));
	free(s);
	s = lf_report_json(audit);
	ck_assert_ptr_nonnull(strstr(s, "\"fusable-with-shift\""));
	free(s);
	check_sarif(audit);
	lf_audit_free(audit);
}
END_TEST

/* With a small isl budget, the audit still answers every pair, with
 * "too complex" where the analysis gave up, in every format.
 */
START_TEST(test_budget)
{
	static const char *files[] = { "tvm_lstm_cell.c",
		"tvm_conv_bn_relu.c", "neg_dep_transposed_read.c" };
	static const int budgets[] = { 2000, 20000, 200000 };
	struct lf_audit *audit;
	const struct lf_audit_function *fn;
	const struct lf_audit_pair *pair;
	int f, b, i;

	for (b = 0; b < 3; ++b) {
		for (f = 0; f < 3; ++f) {
			isl_ctx_set_max_operations(ctx, budgets[b]);
			isl_ctx_reset_operations(ctx);
			audit = audit_file(files[f], NULL);
			for (i = 0; (pair = pair_at(audit, i, &fn)); ++i)
				if (pair->verdict != LF_VERDICT_FUSABLE)
					ck_assert(says(&pair->reason, ""));
			check_json(audit);
			check_sarif(audit);
			lf_audit_free(audit);
		}
	}
}
END_TEST

/* A reason of kind "why" falls under "rule", and has a sentence. */
static void check_rule_of(enum lf_why why, enum lf_rule rule)
{
	struct lf_loc loc = { 40, 3, 5 };
	struct lf_reason *reason = lf_reason_alloc(why, loc, "x[i]", "x");
	char *s;

	ck_assert_ptr_nonnull(reason);
	ck_assert_int_eq(lf_rule_of(reason), rule);
	s = lf_say_reason(reason);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_gt(strlen(s), 0);
	free(s);
	lf_reason_free(reason);
}

START_TEST(test_rules)
{
	const struct lf_rule_info *rules = lf_rules();
	char id[8];
	int r;

	for (r = 0; r < LF_RULE_N; ++r) {
		int number = r < LF_RULE_FUSABLE ? r + 1 :
			     100 + r - LF_RULE_FUSABLE;

		snprintf(id, sizeof(id), "LF%03d", number);
		ck_assert_str_eq(rules[r].id, id);
		ck_assert_ptr_nonnull(rules[r].name);
		ck_assert_ptr_nonnull(rules[r].summary);
		ck_assert_ptr_nonnull(rules[r].help);
	}
	for (r = 0; r < LF_WHY_N; ++r) {
		ck_assert_msg(lf_say_has(r), "kind %d has no sentence", r);
		check_rule_of(r, lf_rule_of(&(struct lf_reason){ .why = r }));
	}
	check_rule_of(LF_WHY_SUBSCRIPT, LF_RULE_SUBSCRIPT);
	check_rule_of(LF_WHY_NOT_AFFINE, LF_RULE_BOUND);
	check_rule_of(LF_WHY_ITER_OVERFLOWS, LF_RULE_ITERATOR_RANGE);
	check_rule_of(LF_WHY_ITER_WRAPS_UNSIGNED, LF_RULE_ITERATOR_RANGE);
	check_rule_of(LF_WHY_CALL, LF_RULE_IMPURE_CALL);
	check_rule_of(LF_WHY_CALL_IO, LF_RULE_IO_CALL);
	check_rule_of(LF_WHY_VOLATILE_VAR, LF_RULE_VOLATILE);
	check_rule_of(LF_WHY_CONTINUE, LF_RULE_CONTROL_FLOW);
	check_rule_of(LF_WHY_SWITCH, LF_RULE_CONTROL_FLOW);
	check_rule_of(LF_WHY_DO, LF_RULE_WHILE);
	check_rule_of(LF_WHY_TOO_COMPLEX, LF_RULE_TOO_COMPLEX);
	check_rule_of(LF_WHY_DEREF, LF_RULE_CONSTRUCT);
	check_rule_of(LF_WHY_ITER_MODIFIED, LF_RULE_ITERATOR);
	check_rule_of(LF_WHY_DIRECTIVE, LF_RULE_PREPROCESSOR);
	check_rule_of(LF_WHY_LINE_MACRO, LF_RULE_PREPROCESSOR);
}
END_TEST

/* --check, --format and --fail-on on the command line. */
START_TEST(test_cli)
{
	struct lf_cli_options o;
	int done;
	char *ok[] = { "loopfuse", "--check", "--format=sarif",
		       "--fail-on=illegal,not-analysable", "k.c", NULL };
	char *text[] = { "loopfuse", "--check", "k.c", NULL };
	char *no_check[] = { "loopfuse", "--format=json", "k.c", NULL };
	char *diff[] = { "loopfuse", "--check", "--diff", "k.c", NULL };
	char *bad[] = { "loopfuse", "--check", "--fail-on=never", "k.c",
			NULL };
	char *explain[] = { "loopfuse", "--explain", "k.c", NULL };

	ck_assert_int_eq(lf_cli_parse(5, ok, &o, &done), 0);
	ck_assert_int_eq(o.format, LF_REPORT_SARIF);
	ck_assert_uint_eq(o.fail_on, LF_FAIL_ANY);
	ck_assert_int_eq(lf_cli_parse(3, text, &o, &done), 0);
	ck_assert_int_eq(o.format, LF_REPORT_TEXT);
	ck_assert_uint_eq(o.fail_on, 0);
	ck_assert_int_eq(lf_cli_parse(3, no_check, &o, &done), -1);
	ck_assert_int_eq(lf_cli_parse(4, diff, &o, &done), -1);
	ck_assert_int_eq(lf_cli_parse(4, bad, &o, &done), -1);
	ck_assert_int_eq(lf_cli_parse(3, explain, &o, &done), 0);
	ck_assert_int_eq(o.opt.explain, 1);
	ck_assert_int_eq(o.check, 0);
}
END_TEST

START_TEST(test_fail_on)
{
	struct lf_audit *neg = audit_file("neg_dep_reversed_read.c", NULL);
	struct lf_audit *opaque = audit_file("neg_goto.c", NULL);
	struct lf_audit *pos = audit_file("seed_matmul_relu.c", NULL);

	ck_assert_int_eq(lf_report_fails(neg, LF_FAIL_ILLEGAL), 1);
	ck_assert_int_eq(lf_report_fails(neg, LF_FAIL_NOT_ANALYSABLE), 0);
	ck_assert_int_eq(lf_report_fails(opaque, LF_FAIL_ILLEGAL), 0);
	ck_assert_int_eq(lf_report_fails(opaque, LF_FAIL_NOT_ANALYSABLE), 1);
	ck_assert_int_eq(lf_report_fails(opaque, LF_FAIL_ANY), 1);
	ck_assert_int_eq(lf_report_fails(pos, LF_FAIL_ANY), 0);
	ck_assert_int_eq(lf_report_fails(neg, 0), 0);
	lf_audit_free(neg);
	lf_audit_free(opaque);
	lf_audit_free(pos);
}
END_TEST

/* --explain: the note of the fused matmul+relu is followed by what was
 * fused and the dependences that the fused order keeps.
 */
START_TEST(test_explain)
{
	struct lf_frontend_options fopt = { NULL, 0, NULL, 0 };
	struct lf_options ropt;
	struct lf_result result;
	struct lf_file *file;
	struct lf_message *m = NULL;
	char *text, *say;
	size_t len;
	int i, flows = 0;

	text = lf_read_file(LF_TESTDATA_DIR "/seed_matmul_relu.c", &len,
			    stderr);
	ck_assert_ptr_nonnull(text);
	file = lf_frontend_parse(ctx, "seed_matmul_relu.c", text, len, &fopt,
				 stderr);
	ck_assert_ptr_nonnull(file);
	memset(&ropt, 0, sizeof(ropt));
	ropt.tile_size = 32;
	ropt.explain = 1;
	ck_assert_int_eq(lf_rewrite_file(file, &ropt, &result), 0);
	for (i = 0; i < result.n_message; ++i)
		if (result.messages[i].kind == LF_MESSAGE_FUSED &&
		    result.messages[i].n_nest == 2)
			m = &result.messages[i];
	ck_assert_ptr_nonnull(m);
	ck_assert_ptr_nonnull(m->explain);
	say = lf_say_group_summary(m->explain);
	ck_assert_ptr_nonnull(strstr(say, "share the (i, j) loops (depth 2), "
				     "tiled 32x32"));
	free(say);
	for (i = 0; i < m->explain->n_dep; ++i) {
		if (lf_say_dep_repeats(m->explain, i))
			continue;
		say = lf_say_dep_kept(&m->explain->deps[i]);
		ck_assert_ptr_nonnull(say);
		if (strstr(say, "C[i][j] flows from S1 at 19:5 to C[i][j] in "
			   "S2 at 23:4 with distance (0, 0): kept in order "
			   "inside the tile, whose statements run one after "
			   "another"))
			flows++;
		free(say);
	}
	ck_assert_int_eq(flows, 1);
	lf_result_clear(&result);
	ropt.explain = 0;
	ck_assert_int_eq(lf_rewrite_file(file, &ropt, &result), 0);
	for (i = 0; i < result.n_message; ++i)
		ck_assert_ptr_null(result.messages[i].explain);
	lf_result_clear(&result);
	lf_file_free(file);
	free(text);
}
END_TEST

/* Calls next to loops are members of their runs: a call that stands
 * for its callee's nests has their loops and joins pairs and groups,
 * one that stays a call is opaque with the reason lf_call gives.
 */
START_TEST(test_calls)
{
	struct lf_audit *audit = audit_file("calls_dense_bias_gelu.c", NULL);
	const struct lf_audit_function *fn = &audit->functions[0];
	char *title;

	ck_assert_int_eq(audit->n_function, 1);
	ck_assert_str_eq(fn->name, "forward");
	ck_assert_int_eq(fn->n_nest, 3);
	ck_assert_ptr_null(fn->nests[0].call);
	ck_assert_str_eq(fn->nests[1].call, "bias_add");
	ck_assert_int_eq(fn->nests[1].n_call_nest, 1);
	ck_assert_int_eq(fn->nests[1].opaque, 0);
	ck_assert_int_eq(fn->nests[1].perfect, 2);
	ck_assert_uint_eq(fn->nests[1].loc.line, 49);
	ck_assert_str_eq(fn->nests[2].call, "gelu");
	ck_assert_int_eq(lf_audit_count_calls(audit), 2);
	ck_assert_int_eq(fn->n_pair, 2);
	ck_assert_int_eq(fn->pairs[1].first, 1);
	ck_assert_int_eq(fn->pairs[1].fused, 1);
	ck_assert_int_eq(fn->n_group, 1);
	ck_assert_int_eq(fn->groups[0].first, 0);
	ck_assert_int_eq(fn->groups[0].n, 3);
	ck_assert_int_eq(fn->groups[0].n_call, 2);
	ck_assert_str_eq(fn->groups[0].calls[1], "gelu");
	ck_assert_uint_eq(fn->groups[0].members[2].loc.line, 50);
	ck_assert_int_eq(fn->groups[0].deps[0].sink.nest, 1);
	ck_assert_uint_eq(fn->groups[0].deps[0].sink.loc.line, 49);
	title = lf_report_pair_title(fn, &fn->pairs[0]);
	ck_assert_str_eq(title, "nest 1 and call 2 to bias_add() of forward "
			 "(lines 43-48 and 49-49)");
	free(title);
	lf_audit_free(audit);

	audit = audit_file("calls_neg_formal_assigned.c", NULL);
	fn = &audit->functions[0];
	ck_assert_int_eq(fn->n_nest, 3);
	ck_assert_str_eq(fn->nests[1].call, "decay");
	ck_assert_int_eq(fn->nests[1].n_call_nest, 0);
	ck_assert_int_eq(fn->nests[1].opaque, 1);
	ck_assert_int_eq(fn->nests[1].run, -1);
	ck_assert_int_eq(fn->nests[1].reason.reason->why, LF_WHY_CALL_KEPT);
	ck_assert_int_eq(fn->nests[1].reason.reason->cause->why,
			 LF_WHY_FORMAL_CHANGED);
	ck_assert_int_eq(fn->n_pair, 2);
	ck_assert_int_eq(fn->pairs[0].reason.where, 2);
	ck_assert_int_eq(fn->pairs[1].reason.where, 1);
	ck_assert_int_eq(lf_rule_of_pair(&fn->pairs[1]), LF_RULE_CALL_KEPT);
	ck_assert_int_eq(fn->n_group, 0);
	lf_audit_free(audit);
}
END_TEST

/* Rewrite testdata file "name" (function "function") with "ropt",
 * calls replaced by their callees' nests, into "result".
 */
static struct lf_file *rewrite_calls(const char *name, const char *function,
	struct lf_options *ropt, struct lf_result *result, char **text)
{
	struct lf_frontend_options fopt = { function, 0, NULL, 1 };
	struct lf_file *file;
	char path[1024];
	size_t len;

	snprintf(path, sizeof(path), "%s/%s", LF_TESTDATA_DIR, name);
	*text = lf_read_file(path, &len, stderr);
	ck_assert_ptr_nonnull(*text);
	file = lf_frontend_parse(ctx, name, *text, len, &fopt, stderr);
	ck_assert_ptr_nonnull(file);
	ck_assert_int_eq(lf_rewrite_file(file, ropt, result), 0);
	return file;
}

/* --explain on a group fused across calls speaks of the calls where
 * they are in the file; the planner's refusals between calls say so.
 */
START_TEST(test_calls_messages)
{
	struct lf_options ropt;
	struct lf_result result;
	struct lf_message *m = NULL;
	struct lf_file *file;
	char *text, *say;
	int i;

	memset(&ropt, 0, sizeof(ropt));
	ropt.tile_size = 32;
	ropt.explain = 1;
	file = rewrite_calls("calls_conv_bn_relu.c", "forward", &ropt,
			     &result, &text);
	for (i = 0; i < result.n_message; ++i)
		if (result.messages[i].n_call == 3)
			m = &result.messages[i];
	ck_assert_ptr_nonnull(m);
	ck_assert_ptr_nonnull(m->explain);
	ck_assert_int_eq(m->explain->n, 3);
	ck_assert_int_eq(m->explain->n_call, 3);
	ck_assert_str_eq(m->explain->calls[0], "conv1x1");
	say = lf_say_group_summary(m->explain);
	ck_assert_ptr_nonnull(strstr(say, "lines 49-49, 50-50, 51-51 share "
				     "the (co, p) loops (depth 2)"));
	free(say);
	ck_assert_int_gt(m->explain->n_dep, 0);
	for (i = 0; i < m->explain->n_dep; ++i) {
		ck_assert_uint_ge(m->explain->deps[i].sink.stmt_loc.line, 49);
		ck_assert_uint_le(m->explain->deps[i].sink.stmt_loc.line, 51);
	}
	lf_result_clear(&result);
	lf_file_free(file);
	free(text);

	memset(&ropt, 0, sizeof(ropt));
	ropt.cache_l1 = 32 * 1024;
	ropt.cache_l2 = 1024 * 1024;
	file = rewrite_calls("calls_rnn_cell.c", "rnn_step", &ropt, &result,
			     &text);
	m = NULL;
	for (i = 0; i < result.n_message; ++i)
		if (result.messages[i].kind == LF_MESSAGE_REFUSED &&
		    result.messages[i].loc.line == 48)
			m = &result.messages[i];
	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(m->n_call, 2);
	ck_assert_str_eq(m->calls[0], "matvec");
	ck_assert_str_eq(m->calls[1], "add3");
	ck_assert_uint_eq(m->other_line, 47);
	say = lf_say_message(m);
	ck_assert_ptr_nonnull(strstr(say, "call to add3() is not fused with "
				     "the call to matvec() at line 47: "));
	free(say);
	lf_result_clear(&result);
	lf_file_free(file);
	free(text);
}
END_TEST

static Suite *audit_suite(void)
{
	Suite *s = suite_create("audit");
	TCase *data = tcase_create("testdata");
	TCase *tc = tcase_create("report");

	tcase_add_checked_fixture(data, setup, teardown);
	tcase_set_timeout(data, 600);
	tcase_add_loop_test(data, test_testdata, 0, N_EXPECT);
	tcase_add_test(data, test_testdata_unlisted);
	suite_add_tcase(s, data);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_text_witness);
	tcase_add_test(tc, test_limit);
	tcase_add_test(tc, test_shift);
	tcase_add_test(tc, test_tiled_alone);
	tcase_add_test(tc, test_not_tilable);
	tcase_add_test(tc, test_shift_2d);
	tcase_add_test(tc, test_example);
	tcase_add_test(tc, test_render_shift);
	tcase_add_test(tc, test_budget);
	tcase_add_test(tc, test_rules);
	tcase_add_test(tc, test_iterator_range);
	tcase_add_test(tc, test_cli);
	tcase_add_test(tc, test_fail_on);
	tcase_add_test(tc, test_explain);
	tcase_add_test(tc, test_calls);
	tcase_add_test(tc, test_calls_messages);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(audit_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
