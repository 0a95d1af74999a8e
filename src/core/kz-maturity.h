/* kz-maturity.h
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

#pragma once

#include <gio/gio.h>

#include "kz-store.h"

G_BEGIN_DECLS

/* The digital-maturity self-check: a questionnaire per dimension,
 * answered on the five-level scale, scored into the level fields of an
 * assessment ("Maturity check") record. */

#define KZ_MATURITY_ERROR (kz_maturity_error_quark ())

typedef enum
{
  KZ_MATURITY_ERROR_INVALID,   /* the questionnaire definition is broken */
} KzMaturityError;

/* The dimensions, in the order of the assessment's fields. */
typedef enum
{
  KZ_MATURITY_STRATEGY,
  KZ_MATURITY_INFRASTRUCTURE,
  KZ_MATURITY_PROCESSES,
  KZ_MATURITY_SKILLS,
  KZ_MATURITY_SECURITY,
  KZ_MATURITY_N_DIMENSIONS
} KzMaturityDimension;

#define KZ_MATURITY_N_LEVELS 5

#define KZ_TYPE_MATURITY_QUESTIONNAIRE (kz_maturity_questionnaire_get_type ())

G_DECLARE_FINAL_TYPE (KzMaturityQuestionnaire, kz_maturity_questionnaire, KZ, MATURITY_QUESTIONNAIRE, GObject)

GQuark       kz_maturity_error_quark              (void);

/* The assessment field of @dimension ("strategy", …, "security"). */
const char  *kz_maturity_dimension_get_field      (KzMaturityDimension dimension);
/* Translated name of @dimension and of @level (1–5). */
const char  *kz_maturity_dimension_get_label      (KzMaturityDimension dimension);
const char  *kz_maturity_level_get_label          (guint               level);

/* Parses a definition in GKeyFile format (see data/maturity.ini). */
KzMaturityQuestionnaire *kz_maturity_questionnaire_new_from_data (const char  *data,
                                                                  gsize        length,
                                                                  GError     **error);
/* The user's override (maturity.ini in the config folder of Kompetenz)
 * if there is one and it is valid, else the shipped definition.  An
 * invalid override is reported in @override_error, if given. */
KzMaturityQuestionnaire *kz_maturity_questionnaire_load_default (GError **override_error);
/* The file that overrides the shipped definition. */
char        *kz_maturity_questionnaire_get_override_path (void);

const char  *kz_maturity_questionnaire_get_title  (KzMaturityQuestionnaire *self);
/* Number of questions of @dimension (0 when the dimension is left out). */
guint        kz_maturity_questionnaire_get_n_questions (KzMaturityQuestionnaire *self,
                                                        KzMaturityDimension      dimension);
const char  *kz_maturity_questionnaire_get_question (KzMaturityQuestionnaire *self,
                                                     KzMaturityDimension      dimension,
                                                     guint                    index);
double       kz_maturity_questionnaire_get_weight (KzMaturityQuestionnaire *self,
                                                   KzMaturityDimension      dimension,
                                                   guint                    index);

/* Scores the answers of one dimension: @answers holds one level (1–5)
 * per question, 0 for "not answered".  Returns the weighted mean of the
 * answered questions rounded half up to a level, or 0 when none was
 * answered. */
guint        kz_maturity_questionnaire_score      (KzMaturityQuestionnaire *self,
                                                   KzMaturityDimension      dimension,
                                                   const guint             *answers,
                                                   guint                    n_answers);

/* Sets the level fields of @assessment from per-dimension scores (0
 * leaves a field empty). */
void         kz_maturity_apply_scores             (KzRecord               *assessment,
                                                   const guint            *scores);

/* Mean of the rated dimensions of @check, 0 when none is rated. */
double       kz_maturity_get_mean                 (KzRecord               *check);

/* The maturity checks of @organisation, oldest first. */
GPtrArray   *kz_maturity_list_trend               (KzStore                *store,
                                                   const char             *organisation,
                                                   GError                **error);
/* The latest check of @organisation on @date, or NULL (the check that
 * belongs to the visit of that day). */
KzRecord    *kz_maturity_find_check               (KzStore                *store,
                                                   const char             *organisation,
                                                   const char             *date,
                                                   GError                **error);

typedef struct
{
  char   *group;                               /* term id, NULL for "not set" */
  guint   n_organisations;                     /* with at least one check */
  double  levels[KZ_MATURITY_N_DIMENSIONS];    /* mean of the latest checks, 0 if none */
  guint   counts[KZ_MATURITY_N_DIMENSIONS];    /* organisations that rated the dimension */
} KzMaturityAverage;

void         kz_maturity_average_free             (KzMaturityAverage      *average);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzMaturityAverage, kz_maturity_average_free)

/* Averages the latest check of every organisation by the organisation
 * field @group_field ("umbrella" or "district"); sorted by group id,
 * "not set" last. */
GPtrArray   *kz_maturity_average_by               (KzStore                *store,
                                                   const char             *group_field,
                                                   GError                **error);

G_END_DECLS
