/* kz-csv-import-private.h
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

#include "kz-csv-import.h"
#include "kz-csv-reader-private.h"

G_BEGIN_DECLS

KzCsvRow   *_kz_csv_row_new           (guint           number,
                                       KzCsvRowAction  action,
                                       KzRecord       *record,
                                       const char     *message,
                                       const char     *existing_uuid);
void        _kz_csv_row_set_record    (KzCsvRow       *self,
                                       KzRecord       *record);

/* Lower case ASCII letters and digits only: "Straße" and "STRASSE" both
 * become "strasse", "Träger:in" becomes "traegerin". */
char       *_kz_csv_normalise         (const char     *text);
/* The field of @kind a column heading names, or NULL. */
const char *_kz_csv_match_header      (KzKind          kind,
                                       const char     *header);

/* Turning rows into records against the current portfolio. */
typedef struct
{
  KzKind                kind;
  guint                 n_columns;
  char                **headers;        /* n_columns */
  const char          **column_fields;  /* n_columns, NULL when ignored */
  GHashTable           *defaults;       /* field name -> text */
  KzCsvDuplicatePolicy  policy;
} KzCsvPlanSettings;

typedef struct _KzCsvPlan KzCsvPlan;

KzCsvPlan  *_kz_csv_plan_new          (KzStore                  *store,
                                       const KzCsvPlanSettings  *settings,
                                       GError                  **error);
/* NULL for rows that hold nothing but blanks. */
KzCsvRow   *_kz_csv_plan_row          (KzCsvPlan                *plan,
                                       const KzCsvLine          *line);
void        _kz_csv_plan_free         (KzCsvPlan                *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzCsvPlan, _kz_csv_plan_free)

G_END_DECLS
