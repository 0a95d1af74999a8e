/* kz-filter.c
 *
 * Copyright 2026 The Kompetenz authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kz-filter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kz-filter.h"
#include "kz-format.h"

typedef struct
{
  const KzField *field;
  KzFilterOp     op;
  KzRecord      *value;      /* the parsed value; NULL when empty or for "~" */
  char          *needle[2];  /* folded text for "~" and TEXT equality */
} Condition;

struct _KzFilter
{
  gatomicrefcount  ref_count;
  KzKind           kind;
  GPtrArray       *conditions;
};

G_DEFINE_BOXED_TYPE (KzFilter, kz_filter, kz_filter_ref, kz_filter_unref)
G_DEFINE_QUARK (kz-filter-error-quark, kz_filter_error)

static const struct { const char *text; KzFilterOp op; } operators[] = {
  /* Two-character operators first. */
  { "!=", KZ_FILTER_OP_NOT_EQUAL },
  { "<=", KZ_FILTER_OP_LESS_EQUAL },
  { ">=", KZ_FILTER_OP_GREATER_EQUAL },
  { "=", KZ_FILTER_OP_EQUAL },
  { "~", KZ_FILTER_OP_CONTAINS },
  { "<", KZ_FILTER_OP_LESS },
  { ">", KZ_FILTER_OP_GREATER },
};

/* Folding */

static void
replace_umlauts (GString *s)
{
  static const struct { const char *from, *to; } map[] = {
    { "ä", "ae" }, { "ö", "oe" }, { "ü", "ue" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    g_string_replace (s, map[i].from, map[i].to, 0);
}

/* Lower case without accents.  With @umlauts "ü" becomes "ue" first,
 * so that "Mueller" finds "Müller"; without, it becomes "u", so that
 * "Muller" does. */
static char *
fold_text (const char *text,
           gboolean    umlauts)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *composed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  g_autofree char *decomposed = NULL;
  GString *s = g_string_new (NULL);
  g_autofree char *lower = g_utf8_casefold (composed ? composed : valid, -1);
  GString *out;

  g_string_assign (s, lower);
  if (umlauts)
    replace_umlauts (s);
  decomposed = g_utf8_normalize (s->str, -1, G_NORMALIZE_NFKD);
  g_string_free (s, TRUE);

  out = g_string_new (NULL);
  for (const char *p = decomposed; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
folded_contains (const char  *haystack,
                 char       **needle)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *folded = fold_text (haystack, i == 0);

      if (strstr (folded, needle[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
folded_equal (const char  *text,
              char       **needle)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *folded = fold_text (text, i == 0);

      if (g_str_equal (folded, needle[i]))
        return TRUE;
    }

  return FALSE;
}

gboolean
kz_text_contains_folded (const char *haystack,
                         const char *needle)
{
  char *folded[2];
  gboolean found;

  g_return_val_if_fail (needle != NULL, FALSE);

  if (haystack == NULL)
    return needle[0] == 0;

  folded[0] = fold_text (needle, TRUE);
  folded[1] = fold_text (needle, FALSE);
  found = folded_contains (haystack, folded);
  g_free (folded[0]);
  g_free (folded[1]);

  return found;
}

/* Conditions */

static void
condition_free (Condition *c)
{
  g_clear_object (&c->value);
  g_free (c->needle[0]);
  g_free (c->needle[1]);
  g_free (c);
}

static gboolean
op_is_ordering (KzFilterOp op)
{
  return op == KZ_FILTER_OP_LESS || op == KZ_FILTER_OP_LESS_EQUAL ||
         op == KZ_FILTER_OP_GREATER || op == KZ_FILTER_OP_GREATER_EQUAL;
}

static gboolean
type_is_ordered (KzFieldType type)
{
  return type == KZ_FIELD_INT || type == KZ_FIELD_NUMBER || type == KZ_FIELD_MONEY ||
         type == KZ_FIELD_DATE || type == KZ_FIELD_TIME;
}

static gboolean
label_matches (const KzField *f,
               const char    *folded)
{
  g_autofree char *english = g_utf8_casefold (f->label, -1);
  g_autofree char *translated = g_utf8_casefold (g_dgettext (GETTEXT_PACKAGE, f->label), -1);

  return g_str_equal (english, folded) || g_str_equal (translated, folded);
}

/* By name, then by name ignoring case, then by (translated) label. */
static const KzField *
find_field (KzKind      kind,
            const char *name)
{
  const KzKindInfo *info = kz_kind_get_info (kind);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  const KzField *f = kz_kind_get_field (kind, name);

  for (guint i = 0; f == NULL && i < info->n_fields; i++)
    if (g_ascii_strcasecmp (info->fields[i].name, name) == 0)
      f = &info->fields[i];

  for (guint i = 0; f == NULL && i < info->n_fields; i++)
    if (label_matches (&info->fields[i], folded))
      f = &info->fields[i];

  return f;
}

static gboolean
prepare_value (KzFilter     *self,
               Condition    *c,
               const char   *value,
               GError      **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));

  if (c->op == KZ_FILTER_OP_CONTAINS || c->field->type == KZ_FIELD_TEXT)
    {
      c->needle[0] = fold_text (trimmed, TRUE);
      c->needle[1] = fold_text (trimmed, FALSE);
      if (c->op == KZ_FILTER_OP_CONTAINS)
        return TRUE;
    }

  if (trimmed[0] == 0)
    {
      if (!op_is_ordering (c->op))
        return TRUE;
      g_set_error (error, KZ_FILTER_ERROR, KZ_FILTER_ERROR_SYNTAX,
                   _("A value is needed to compare “%s” with."), c->field->name);
      return FALSE;
    }

  c->value = kz_record_new (self->kind);
  if (!kz_record_set_text (c->value, c->field->name, trimmed, error))
    return FALSE;

  return TRUE;
}

static gboolean
check_op (const Condition  *c,
          GError          **error)
{
  if (op_is_ordering (c->op) && !type_is_ordered (c->field->type))
    {
      g_set_error (error, KZ_FILTER_ERROR, KZ_FILTER_ERROR_INVALID,
                   _("“%s” cannot be compared with < or >; only dates, times and numbers can."),
                   c->field->name);
      return FALSE;
    }

  return TRUE;
}

gboolean
kz_filter_add_condition (KzFilter    *self,
                         const char  *field,
                         KzFilterOp   op,
                         const char  *value,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  Condition *c;
  const KzField *f;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (op <= KZ_FILTER_OP_GREATER_EQUAL, FALSE);

  if (!(f = find_field (self->kind, field)))
    {
      g_set_error (error, KZ_FILTER_ERROR, KZ_FILTER_ERROR_UNKNOWN_FIELD,
                   _("A %s has no field “%s”."), kz_kind_get_info (self->kind)->name, field);
      return FALSE;
    }

  c = g_new0 (Condition, 1);
  c->field = f;
  c->op = op;
  if (!check_op (c, error) || !prepare_value (self, c, value ? value : "", &local_error))
    {
      if (local_error != NULL)
        g_set_error (error, KZ_FILTER_ERROR,
                     local_error->domain == KZ_FILTER_ERROR ? local_error->code : KZ_FILTER_ERROR_INVALID,
                     /* Translators: a field name, then why its value was refused */
                     _("%s: %s"), f->name, local_error->message);
      condition_free (c);
      return FALSE;
    }

  g_ptr_array_add (self->conditions, c);
  return TRUE;
}

/* Splits "field<op>value"; the operator is the first of = ! < > ~. */
static gboolean
split_expression (const char  *expression,
                  char       **field,
                  KzFilterOp  *op,
                  const char **value)
{
  gsize at = strcspn (expression, "=!<>~");

  if (expression[at] == 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    {
      if (strncmp (expression + at, operators[i].text, strlen (operators[i].text)) == 0)
        {
          *field = g_strstrip (g_strndup (expression, at));
          *op = operators[i].op;
          *value = expression + at + strlen (operators[i].text);
          return (*field)[0] != 0;
        }
    }

  return FALSE;
}

gboolean
kz_filter_add (KzFilter    *self,
               const char  *expression,
               GError     **error)
{
  g_autofree char *field = NULL;
  const char *value = NULL;
  KzFilterOp op;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (expression != NULL, FALSE);

  if (!split_expression (expression, &field, &op, &value))
    {
      g_set_error (error, KZ_FILTER_ERROR, KZ_FILTER_ERROR_SYNTAX,
                   _("“%s” is not a filter. Write FIELD=VALUE, FIELD!=VALUE, "
                     "FIELD~TEXT, FIELD<VALUE or FIELD>VALUE."), expression);
      return FALSE;
    }

  return kz_filter_add_condition (self, field, op, value, error);
}

/* Matching */

static int
compare_set_values (KzRecord      *record,
                    KzRecord      *value,
                    const KzField *f)
{
  gint64 a, b;
  double x, y;

  switch (f->type)
    {
    case KZ_FIELD_INT:
    case KZ_FIELD_MONEY:
      a = kz_record_get_int (record, f->name);
      b = kz_record_get_int (value, f->name);
      return a < b ? -1 : a > b;
    case KZ_FIELD_NUMBER:
      x = kz_record_get_number (record, f->name);
      y = kz_record_get_number (value, f->name);
      return x < y ? -1 : x > y;
    default:
      return strcmp (kz_record_get_string (record, f->name), kz_record_get_string (value, f->name));
    }
}

static gboolean
match_ordering (const Condition *c,
                KzRecord        *record)
{
  int cmp;

  if (!kz_record_is_set (record, c->field->name))
    return FALSE;

  cmp = compare_set_values (record, c->value, c->field);
  switch (c->op)
    {
    case KZ_FILTER_OP_LESS:
      return cmp < 0;
    case KZ_FILTER_OP_LESS_EQUAL:
      return cmp <= 0;
    case KZ_FILTER_OP_GREATER:
      return cmp > 0;
    default:
      return cmp >= 0;
    }
}

static gboolean
list_has_item (const KzField      *f,
               const char * const *items,
               const char         *wanted)
{
  g_autofree char *folded = f->vocab ? NULL : g_utf8_casefold (wanted, -1);

  for (guint i = 0; items[i]; i++)
    {
      g_autofree char *item = f->vocab ? NULL : g_utf8_casefold (items[i], -1);

      if (g_str_equal (f->vocab ? items[i] : item, f->vocab ? wanted : folded))
        return TRUE;
    }

  return FALSE;
}

static gboolean
match_equal (const Condition *c,
             KzRecord        *record)
{
  const char *name = c->field->name;
  const char * const *wanted;

  if (c->value == NULL || !kz_record_is_set (c->value, name))
    return !kz_record_is_set (record, name) ||
           (c->field->type == KZ_FIELD_TEXT && kz_record_get_string (record, name)[0] == 0);
  if (!kz_record_is_set (record, name))
    return FALSE;

  switch (c->field->type)
    {
    case KZ_FIELD_TEXT:
      return folded_equal (kz_record_get_string (record, name), (char **)c->needle);
    case KZ_FIELD_REF:
      return g_ascii_strcasecmp (kz_record_get_string (record, name),
                                 kz_record_get_string (c->value, name)) == 0;
    case KZ_FIELD_LIST:
      wanted = kz_record_get_list (c->value, name);
      for (guint i = 0; wanted[i]; i++)
        if (!list_has_item (c->field, kz_record_get_list (record, name), wanted[i]))
          return FALSE;
      return TRUE;
    default:
      return kz_record_field_equal (record, c->value, name);
    }
}

static void
add_vocabulary_labels (GPtrArray     *texts,
                       KzRecord      *record,
                       const KzField *f)
{
  const char * const *items;
  const KzTerm *term;

  if (f->vocab == NULL)
    return;

  if (f->type == KZ_FIELD_CHOICE)
    {
      if ((term = kz_vocabulary_lookup (f->vocab, kz_record_get_string (record, f->name))))
        g_ptr_array_add (texts, g_strdup (term->label));
      return;
    }

  items = kz_record_get_list (record, f->name);
  for (guint i = 0; items[i]; i++)
    if ((term = kz_vocabulary_lookup (f->vocab, items[i])))
      g_ptr_array_add (texts, g_strdup (term->label));
}

/* Canonical text, the text shown to people and the English labels. */
static gboolean
match_contains (const Condition *c,
                KzRecord        *record)
{
  g_autoptr(GPtrArray) texts = NULL;

  if (c->needle[0][0] == 0)
    return TRUE;
  if (!kz_record_is_set (record, c->field->name))
    return FALSE;

  texts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (texts, kz_record_dup_text (record, c->field->name));
  if (c->field->type != KZ_FIELD_REF)
    g_ptr_array_add (texts, kz_format_field (record, c->field->name));
  add_vocabulary_labels (texts, record, c->field);

  for (guint i = 0; i < texts->len; i++)
    if (texts->pdata[i] != NULL && folded_contains (texts->pdata[i], (char **)c->needle))
      return TRUE;

  return FALSE;
}

static gboolean
match_condition (const Condition *c,
                 KzRecord        *record)
{
  switch (c->op)
    {
    case KZ_FILTER_OP_EQUAL:
      return match_equal (c, record);
    case KZ_FILTER_OP_NOT_EQUAL:
      return !match_equal (c, record);
    case KZ_FILTER_OP_CONTAINS:
      return match_contains (c, record);
    default:
      return match_ordering (c, record);
    }
}

/* Public API */

KzFilter *
kz_filter_new (KzKind kind)
{
  KzFilter *self;

  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  self = g_new0 (KzFilter, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->conditions = g_ptr_array_new_with_free_func ((GDestroyNotify)condition_free);

  return self;
}

KzFilter *
kz_filter_parse (KzKind               kind,
                 const char * const  *expressions,
                 GError             **error)
{
  g_autoptr(KzFilter) self = kz_filter_new (kind);

  for (guint i = 0; expressions != NULL && expressions[i] != NULL; i++)
    if (!kz_filter_add (self, expressions[i], error))
      return NULL;

  return g_steal_pointer (&self);
}

KzFilter *
kz_filter_ref (KzFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
kz_filter_unref (KzFilter *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_ptr_array_unref (self->conditions);
      g_free (self);
    }
}

KzKind
kz_filter_get_kind (KzFilter *self)
{
  g_return_val_if_fail (self != NULL, KZ_N_KINDS);
  return self->kind;
}

guint
kz_filter_get_n_conditions (KzFilter *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->conditions->len;
}

gboolean
kz_filter_match (KzFilter *self,
                 KzRecord *record)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (KZ_IS_RECORD (record), FALSE);

  if (kz_record_get_kind (record) != self->kind)
    return FALSE;

  for (guint i = 0; i < self->conditions->len; i++)
    if (!match_condition (self->conditions->pdata[i], record))
      return FALSE;

  return TRUE;
}

GListModel *
kz_filter_apply (KzFilter   *self,
                 GListModel *records)
{
  GListStore *result;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (records), NULL);

  result = g_list_store_new (KZ_TYPE_RECORD);
  n = g_list_model_get_n_items (records);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);

      if (kz_filter_match (self, record))
        g_list_store_append (result, record);
    }

  return G_LIST_MODEL (result);
}
