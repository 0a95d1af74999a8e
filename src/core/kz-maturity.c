/* kz-maturity.c
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

#define G_LOG_DOMAIN "kz-maturity"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "kz-core-resources.h"
#include "kz-maturity.h"

typedef struct
{
  GStrv   questions;
  double *weights;
  guint   n_questions;
} Dimension;

struct _KzMaturityQuestionnaire
{
  GObject    parent_instance;

  char      *title;
  Dimension  dimensions[KZ_MATURITY_N_DIMENSIONS];
};

G_DEFINE_FINAL_TYPE (KzMaturityQuestionnaire, kz_maturity_questionnaire, G_TYPE_OBJECT)

G_DEFINE_QUARK (kz-maturity-error-quark, kz_maturity_error)

static const char *dimension_fields[KZ_MATURITY_N_DIMENSIONS] = {
  "strategy", "infrastructure", "processes", "skills", "security",
};

static const char *level_labels[KZ_MATURITY_N_LEVELS] = {
  N_("Analogue work"),
  N_("Digital islands"),
  N_("Connected systems"),
  N_("Data-driven"),
  N_("Digitally transformed"),
};

const char *
kz_maturity_dimension_get_field (KzMaturityDimension dimension)
{
  g_return_val_if_fail (dimension < KZ_MATURITY_N_DIMENSIONS, NULL);

  return dimension_fields[dimension];
}

const char *
kz_maturity_dimension_get_label (KzMaturityDimension dimension)
{
  const KzField *field;

  g_return_val_if_fail (dimension < KZ_MATURITY_N_DIMENSIONS, NULL);

  field = kz_kind_get_field (KZ_KIND_ASSESSMENT, dimension_fields[dimension]);
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

const char *
kz_maturity_level_get_label (guint level)
{
  g_return_val_if_fail (level >= 1 && level <= KZ_MATURITY_N_LEVELS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, level_labels[level - 1]);
}

/* Questionnaire */

static void
kz_maturity_questionnaire_finalize (GObject *object)
{
  KzMaturityQuestionnaire *self = (KzMaturityQuestionnaire *)object;

  g_free (self->title);
  for (guint i = 0; i < KZ_MATURITY_N_DIMENSIONS; i++)
    {
      g_strfreev (self->dimensions[i].questions);
      g_free (self->dimensions[i].weights);
    }

  G_OBJECT_CLASS (kz_maturity_questionnaire_parent_class)->finalize (object);
}

static void
kz_maturity_questionnaire_class_init (KzMaturityQuestionnaireClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kz_maturity_questionnaire_finalize;
}

static void
kz_maturity_questionnaire_init (KzMaturityQuestionnaire *self)
{
}

static gboolean
find_dimension (const char *group,
                guint      *dimension)
{
  for (guint i = 0; i < KZ_MATURITY_N_DIMENSIONS; i++)
    if (g_str_equal (group, dimension_fields[i]))
      {
        *dimension = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
load_weights (GKeyFile   *keyfile,
              const char *group,
              Dimension  *dim,
              GError    **error)
{
  g_autofree double *weights = NULL;
  gsize n_weights = 0;

  dim->weights = g_new (double, dim->n_questions);
  for (guint i = 0; i < dim->n_questions; i++)
    dim->weights[i] = 1.0;
  if (!g_key_file_has_key (keyfile, group, "Weights", NULL))
    return TRUE;

  weights = g_key_file_get_double_list (keyfile, group, "Weights", &n_weights, NULL);
  if (weights == NULL || n_weights != dim->n_questions)
    {
      g_set_error (error, KZ_MATURITY_ERROR, KZ_MATURITY_ERROR_INVALID,
                   _("The dimension “%s” needs one weight per question."), group);
      return FALSE;
    }
  for (guint i = 0; i < n_weights; i++)
    {
      if (!(weights[i] > 0) || !isfinite (weights[i]))
        {
          g_set_error (error, KZ_MATURITY_ERROR, KZ_MATURITY_ERROR_INVALID,
                       _("The weights of the dimension “%s” must be positive numbers."), group);
          return FALSE;
        }
      dim->weights[i] = weights[i];
    }
  return TRUE;
}

static gboolean
load_dimension (KzMaturityQuestionnaire *self,
                GKeyFile                *keyfile,
                const char              *group,
                GError                 **error)
{
  Dimension *dim;
  guint dimension;
  gsize n = 0;

  if (!find_dimension (group, &dimension))
    {
      g_set_error (error, KZ_MATURITY_ERROR, KZ_MATURITY_ERROR_INVALID,
                   _("“%s” is no dimension of the maturity check; use strategy, infrastructure, processes, skills or security."),
                   group);
      return FALSE;
    }

  dim = &self->dimensions[dimension];
  dim->questions = g_key_file_get_locale_string_list (keyfile, group, "Questions", NULL, &n, NULL);
  dim->n_questions = n;
  if (dim->questions == NULL || n == 0)
    {
      g_set_error (error, KZ_MATURITY_ERROR, KZ_MATURITY_ERROR_INVALID,
                   _("The dimension “%s” has no questions."), group);
      return FALSE;
    }

  return load_weights (keyfile, group, dim, error);
}

KzMaturityQuestionnaire *
kz_maturity_questionnaire_new_from_data (const char  *data,
                                         gsize        length,
                                         GError     **error)
{
  g_autoptr(KzMaturityQuestionnaire) self = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  gboolean any = FALSE;

  g_return_val_if_fail (data != NULL, NULL);

  if (!g_key_file_load_from_data (keyfile, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, KZ_MATURITY_ERROR, KZ_MATURITY_ERROR_INVALID,
                   _("The maturity check cannot be read: %s"), local_error->message);
      return NULL;
    }

  self = g_object_new (KZ_TYPE_MATURITY_QUESTIONNAIRE, NULL);
  self->title = g_key_file_get_locale_string (keyfile, "Questionnaire", "Title", NULL, NULL);
  if (self->title == NULL)
    self->title = g_strdup (_("Digital maturity self-check"));

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_str_equal (groups[i], "Questionnaire"))
        continue;
      if (!load_dimension (self, keyfile, groups[i], error))
        return NULL;
      any = TRUE;
    }

  if (!any)
    {
      g_set_error_literal (error, KZ_MATURITY_ERROR, KZ_MATURITY_ERROR_INVALID,
                           _("The maturity check has no dimensions."));
      return NULL;
    }

  return g_steal_pointer (&self);
}

char *
kz_maturity_questionnaire_get_override_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "kompetenz", "maturity.ini", NULL);
}

KzMaturityQuestionnaire *
kz_maturity_questionnaire_load_default (GError **override_error)
{
  g_autofree char *path = kz_maturity_questionnaire_get_override_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;

  if (g_file_get_contents (path, &contents, &length, NULL))
    {
      KzMaturityQuestionnaire *self;

      if ((self = kz_maturity_questionnaire_new_from_data (contents, length, override_error)))
        return self;
      g_warning ("Ignoring the maturity check in %s", path);
    }

  bytes = g_resource_lookup_data (kz_core_get_resource (), "/com/example/Kompetenz/core/maturity.ini",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  return kz_maturity_questionnaire_new_from_data (g_bytes_get_data (bytes, NULL),
                                                  g_bytes_get_size (bytes), NULL);
}

const char *
kz_maturity_questionnaire_get_title (KzMaturityQuestionnaire *self)
{
  g_return_val_if_fail (KZ_IS_MATURITY_QUESTIONNAIRE (self), NULL);

  return self->title;
}

guint
kz_maturity_questionnaire_get_n_questions (KzMaturityQuestionnaire *self,
                                           KzMaturityDimension      dimension)
{
  g_return_val_if_fail (KZ_IS_MATURITY_QUESTIONNAIRE (self), 0);
  g_return_val_if_fail (dimension < KZ_MATURITY_N_DIMENSIONS, 0);

  return self->dimensions[dimension].n_questions;
}

const char *
kz_maturity_questionnaire_get_question (KzMaturityQuestionnaire *self,
                                        KzMaturityDimension      dimension,
                                        guint                    index)
{
  g_return_val_if_fail (KZ_IS_MATURITY_QUESTIONNAIRE (self), NULL);
  g_return_val_if_fail (dimension < KZ_MATURITY_N_DIMENSIONS, NULL);
  g_return_val_if_fail (index < self->dimensions[dimension].n_questions, NULL);

  return self->dimensions[dimension].questions[index];
}

double
kz_maturity_questionnaire_get_weight (KzMaturityQuestionnaire *self,
                                      KzMaturityDimension      dimension,
                                      guint                    index)
{
  g_return_val_if_fail (KZ_IS_MATURITY_QUESTIONNAIRE (self), 0);
  g_return_val_if_fail (dimension < KZ_MATURITY_N_DIMENSIONS, 0);
  g_return_val_if_fail (index < self->dimensions[dimension].n_questions, 0);

  return self->dimensions[dimension].weights[index];
}

guint
kz_maturity_questionnaire_score (KzMaturityQuestionnaire *self,
                                 KzMaturityDimension      dimension,
                                 const guint             *answers,
                                 guint                    n_answers)
{
  const Dimension *dim;
  double sum = 0, weight = 0;

  g_return_val_if_fail (KZ_IS_MATURITY_QUESTIONNAIRE (self), 0);
  g_return_val_if_fail (dimension < KZ_MATURITY_N_DIMENSIONS, 0);
  g_return_val_if_fail (answers != NULL || n_answers == 0, 0);

  dim = &self->dimensions[dimension];
  for (guint i = 0; i < MIN (n_answers, dim->n_questions); i++)
    {
      if (answers[i] < 1 || answers[i] > KZ_MATURITY_N_LEVELS)
        continue;
      sum += dim->weights[i] * answers[i];
      weight += dim->weights[i];
    }

  if (weight == 0)
    return 0;
  /* Half up; the small epsilon keeps 2.5 from becoming 2.4999… */
  return (guint)CLAMP (floor (sum / weight + 0.5 + 1e-9), 1, KZ_MATURITY_N_LEVELS);
}

void
kz_maturity_apply_scores (KzRecord    *assessment,
                          const guint *scores)
{
  g_return_if_fail (KZ_IS_RECORD (assessment));
  g_return_if_fail (kz_record_get_kind (assessment) == KZ_KIND_ASSESSMENT);
  g_return_if_fail (scores != NULL);

  for (guint i = 0; i < KZ_MATURITY_N_DIMENSIONS; i++)
    {
      if (scores[i] >= 1 && scores[i] <= KZ_MATURITY_N_LEVELS)
        kz_record_set_int (assessment, dimension_fields[i], scores[i]);
      else
        kz_record_unset (assessment, dimension_fields[i]);
    }
}

/* Trend and averages */

double
kz_maturity_get_mean (KzRecord *check)
{
  double sum = 0;
  guint n = 0;

  g_return_val_if_fail (KZ_IS_RECORD (check), 0);

  for (guint i = 0; i < KZ_MATURITY_N_DIMENSIONS; i++)
    {
      gint64 level = kz_record_get_int (check, dimension_fields[i]);

      if (level >= 1 && level <= KZ_MATURITY_N_LEVELS)
        {
          sum += level;
          n++;
        }
    }
  return n > 0 ? sum / n : 0;
}

static int
compare_by_date (gconstpointer a,
                 gconstpointer b)
{
  KzRecord *ra = *(KzRecord **)a;
  KzRecord *rb = *(KzRecord **)b;
  int cmp = g_strcmp0 (kz_record_get_string (ra, "date"), kz_record_get_string (rb, "date"));

  if (cmp != 0)
    return cmp;
  return (kz_record_get_modified (ra) > kz_record_get_modified (rb)) -
         (kz_record_get_modified (ra) < kz_record_get_modified (rb));
}

GPtrArray *
kz_maturity_list_trend (KzStore     *store,
                        const char  *organisation,
                        GError     **error)
{
  g_autoptr(GListModel) model = NULL;
  GPtrArray *checks;

  g_return_val_if_fail (KZ_IS_STORE (store), NULL);
  g_return_val_if_fail (organisation != NULL, NULL);

  model = kz_store_list_by_ref (store, KZ_KIND_ASSESSMENT, "organisation_id", organisation, error);
  if (model == NULL)
    return NULL;

  checks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (checks, g_list_model_get_item (model, i));
  g_ptr_array_sort (checks, compare_by_date);
  return checks;
}

KzRecord *
kz_maturity_find_check (KzStore     *store,
                        const char  *organisation,
                        const char  *date,
                        GError     **error)
{
  g_autoptr(GPtrArray) checks = NULL;

  g_return_val_if_fail (KZ_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  if (!(checks = kz_maturity_list_trend (store, organisation, error)))
    return NULL;

  for (guint i = checks->len; i > 0; i--)
    if (g_strcmp0 (kz_record_get_string (g_ptr_array_index (checks, i - 1), "date"), date) == 0)
      return g_object_ref (g_ptr_array_index (checks, i - 1));
  return NULL;
}

void
kz_maturity_average_free (KzMaturityAverage *average)
{
  if (average == NULL)
    return;
  g_free (average->group);
  g_free (average);
}

/* organisation uuid → its latest check */
static GHashTable *
latest_checks (KzStore  *store,
               GError  **error)
{
  g_autoptr(GListModel) model = kz_store_list (store, KZ_KIND_ASSESSMENT, error);
  GHashTable *latest;

  if (model == NULL)
    return NULL;

  latest = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KzRecord) check = g_list_model_get_item (model, i);
      const char *org = kz_record_get_string (check, "organisation_id");
      KzRecord *known;

      if (org == NULL)
        continue;
      known = g_hash_table_lookup (latest, org);
      if (known != NULL && compare_by_date (&known, &check) >= 0)
        continue;
      g_hash_table_replace (latest, (gpointer)kz_record_get_string (check, "organisation_id"),
                            g_object_ref (check));
    }
  return latest;
}

static void
add_check (KzMaturityAverage *average,
           KzRecord          *check)
{
  average->n_organisations++;
  for (guint d = 0; d < KZ_MATURITY_N_DIMENSIONS; d++)
    {
      gint64 level = kz_record_get_int (check, dimension_fields[d]);

      if (level < 1 || level > KZ_MATURITY_N_LEVELS)
        continue;
      average->levels[d] += level;
      average->counts[d]++;
    }
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const KzMaturityAverage *ga = *(KzMaturityAverage **)a;
  const KzMaturityAverage *gb = *(KzMaturityAverage **)b;

  if (ga->group == NULL || gb->group == NULL)
    return (ga->group == NULL) - (gb->group == NULL);
  return strcmp (ga->group, gb->group);
}

GPtrArray *
kz_maturity_average_by (KzStore     *store,
                        const char  *group_field,
                        GError     **error)
{
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_maturity_average_free);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (KZ_IS_STORE (store), NULL);
  g_return_val_if_fail (kz_kind_get_field (KZ_KIND_ORGANISATION, group_field) != NULL, NULL);

  if (!(latest = latest_checks (store, error)))
    return NULL;

  g_hash_table_iter_init (&iter, latest);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(KzRecord) org = kz_store_get (store, KZ_KIND_ORGANISATION, key, NULL);
      const char *group = org && !kz_record_get_deleted (org) ? kz_record_get_string (org, group_field) : NULL;
      KzMaturityAverage *average;

      if (org == NULL || kz_record_get_deleted (org))
        continue;
      average = g_hash_table_lookup (groups, group ? group : "");
      if (average == NULL)
        {
          average = g_new0 (KzMaturityAverage, 1);
          average->group = g_strdup (group);
          g_hash_table_insert (groups, average->group ? average->group : "", average);
          g_ptr_array_add (result, average);
        }
      add_check (average, value);
    }

  for (guint i = 0; i < result->len; i++)
    {
      KzMaturityAverage *average = g_ptr_array_index (result, i);

      for (guint d = 0; d < KZ_MATURITY_N_DIMENSIONS; d++)
        if (average->counts[d] > 0)
          average->levels[d] /= average->counts[d];
    }
  g_ptr_array_sort (result, compare_groups);
  return g_steal_pointer (&result);
}
