/* kz-list-spec.h
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

/* Everything a list needs besides its records, built once per load on
 * a worker thread so that no row ever runs a query of its own. */
typedef struct
{
  GHashTable *titles[KZ_N_KINDS];  /* uuid -> title, for every REF column */
  GHashTable *choices;             /* uuid -> interned term, filled by prepare */
  GHashTable *values;              /* uuid -> gint64 *, filled by prepare */
  char       *today;               /* ISO date the load ran on */
  gatomicrefcount ref_count;
} KzLookups;

typedef enum
{
  KZ_COLUMN_NONE    = 0,
  KZ_COLUMN_EXPAND  = 1 << 0,  /* takes the spare width */
  KZ_COLUMN_NUMERIC = 1 << 1,  /* right-aligned; implied by numeric fields */
  KZ_COLUMN_HEALTH  = 1 << 2,  /* a coloured dot before the health label */
} KzColumnFlags;

typedef char   *(*KzColumnTextFunc)  (KzRecord        *record,
                                      const KzLookups *lookups);
typedef gint64  (*KzColumnValueFunc) (KzRecord        *record,
                                      const KzLookups *lookups);
typedef gboolean (*KzLookupsPrepareFunc) (KzStore      *store,
                                          KzLookups    *lookups,
                                          GCancellable *cancellable,
                                          GError      **error);

typedef struct
{
  const char        *field;   /* a field of the list's kind, or NULL */
  const char        *title;   /* N_() header; NULL: the field's label */
  int                width;   /* width in pixels; columns that do not fit
                               * are hidden from the right, except the
                               * expanding one */
  KzColumnFlags      flags;
  KzColumnTextFunc   text;    /* NULL: the field's display text */
  KzColumnValueFunc  value;   /* sorts by number; NULL: by the field */
} KzColumn;

typedef struct
{
  KzKind                kind;
  const KzColumn       *columns;
  guint                 n_columns;
  KzLookupsPrepareFunc  prepare;            /* worker thread, or NULL */
  const char           *icon_name;          /* of the empty state */
  const char           *empty_title;        /* N_() */
  const char           *empty_description;  /* N_() */
  const char           *sort_field;         /* initial sort column, or NULL */
  gboolean              sort_descending;
} KzListSpec;

const KzListSpec *kz_list_spec_get        (KzKind           kind);
/* "1,234 projects" in the user's language. */
char             *kz_kind_format_count    (KzKind           kind,
                                           guint            n);

KzLookups        *kz_lookups_new          (void);
KzLookups        *kz_lookups_ref          (KzLookups       *lookups);
/* Drops a reference; lookups are shared with sorting workers. */
void              kz_lookups_free         (KzLookups       *lookups);
/* The name behind a REF value, or NULL. */
const char       *kz_lookups_get_title    (const KzLookups *lookups,
                                           KzKind           kind,
                                           const char      *uuid);
gint64            kz_lookups_get_value    (const KzLookups *lookups,
                                           const char      *uuid);
void              kz_lookups_set_value    (KzLookups       *lookups,
                                           const char      *uuid,
                                           gint64           value);
void              kz_lookups_add_value    (KzLookups       *lookups,
                                           const char      *uuid,
                                           gint64           delta);

/* Rank of @id's label among the labels of @vocab in alphabetical
 * order, for proper names such as districts; -1 if unknown. */
int               kz_vocabulary_get_label_rank (const KzVocabulary *vocab,
                                                const char         *id);

/* "2026-12-31" <-> 20261231, so that dates sort as numbers. */
gint64            kz_date_to_number       (const char      *iso_date);
char             *kz_date_from_number     (gint64           number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzLookups, kz_lookups_free)

G_END_DECLS
