/* kz-filter.h
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

#include "kz-record.h"

G_BEGIN_DECLS

/* Conditions on the fields of records, written the way people type
 * them on the command line or into a search box:
 *
 *   status=running      status=Läuft       field equals a value
 *   status!=completed                      field differs (or is empty)
 *   title~pflege                           contains, ignoring case and
 *                                          accents; "ue" also finds "ü"
 *   end_date<2027-01-01  budget_planned>50.000,00 €
 *                                          dates, times and numbers
 *   end_date<=…  end_date>=…               the same, bounds included
 *   health=                                the field is empty
 *
 * Values are canonical or localised text, as kz_record_set_text()
 * reads them; vocabulary fields accept ids and labels.  A list field
 * equals a value when it holds every item of it.  All conditions of
 * a filter must hold.  Matching is done on KzRecord objects in memory,
 * so lists that are already loaded can be filtered without SQL. */

#define KZ_FILTER_ERROR (kz_filter_error_quark ())

typedef enum
{
  KZ_FILTER_ERROR_SYNTAX,         /* no operator or no field name */
  KZ_FILTER_ERROR_UNKNOWN_FIELD,
  KZ_FILTER_ERROR_INVALID,        /* a value that does not parse, or a
                                   * comparison the field does not allow */
} KzFilterError;

typedef enum
{
  KZ_FILTER_OP_EQUAL,
  KZ_FILTER_OP_NOT_EQUAL,
  KZ_FILTER_OP_CONTAINS,
  KZ_FILTER_OP_LESS,
  KZ_FILTER_OP_LESS_EQUAL,
  KZ_FILTER_OP_GREATER,
  KZ_FILTER_OP_GREATER_EQUAL,
} KzFilterOp;

#define KZ_TYPE_FILTER (kz_filter_get_type ())

typedef struct _KzFilter KzFilter;

GType        kz_filter_get_type        (void) G_GNUC_CONST;
GQuark       kz_filter_error_quark     (void);

/* A filter on records of @kind that matches every record. */
KzFilter    *kz_filter_new             (KzKind              kind);
/* Parses each of @expressions (NULL-terminated, may be NULL). */
KzFilter    *kz_filter_parse           (KzKind              kind,
                                        const char * const *expressions,
                                        GError            **error);
KzFilter    *kz_filter_ref             (KzFilter           *self);
void         kz_filter_unref           (KzFilter           *self);

KzKind       kz_filter_get_kind        (KzFilter           *self);
guint        kz_filter_get_n_conditions (KzFilter          *self);
/* Adds one condition; on error the filter is unchanged.  Errors are
 * translated and name the field. */
gboolean     kz_filter_add             (KzFilter           *self,
                                        const char         *expression,
                                        GError            **error);
/* Adds a condition whose value is already known.  @value is parsed
 * like the right-hand side of an expression. */
gboolean     kz_filter_add_condition   (KzFilter           *self,
                                        const char         *field,
                                        KzFilterOp          op,
                                        const char         *value,
                                        GError            **error);

/* TRUE when @record is of the filter's kind and meets every condition. */
gboolean     kz_filter_match           (KzFilter           *self,
                                        KzRecord           *record);
/* A new list of the records in @records that match, in their order. */
GListModel  *kz_filter_apply           (KzFilter           *self,
                                        GListModel         *records);

/* Case, accent and umlaut-insensitive "contains", as used by "~". */
gboolean     kz_text_contains_folded   (const char         *haystack,
                                        const char         *needle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzFilter, kz_filter_unref)

G_END_DECLS
