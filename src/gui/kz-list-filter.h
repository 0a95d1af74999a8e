/* kz-list-filter.h
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

#include <gtk/gtk.h>

#include "kz-list-spec.h"

G_BEGIN_DECLS

typedef enum
{
  KZ_FACET_CHOICE,   /* vocabulary terms, one or several per record */
  KZ_FACET_TEXT,     /* the distinct values of a text field (advisor) */
  KZ_FACET_DATE,     /* a range: "<id>.from" and "<id>.to" items */
} KzFacetType;

/* Something a list can be filtered by.  @via is a field of the
 * organisation that @field (a REF) points at, such as the umbrella
 * association of a project's lead organisation. */
typedef struct
{
  const char         *id;      /* "status", "lead_organisation_id.umbrella" */
  KzFacetType         type;
  const KzField      *field;
  const KzField      *via;
  const KzVocabulary *vocab;   /* CHOICE */
} KzFacet;

#define KZ_TYPE_LIST_FILTER (kz_list_filter_get_type ())

G_DECLARE_FINAL_TYPE (KzListFilter, kz_list_filter, KZ, LIST_FILTER, GObject)

/* The search text and filter items of a list.  The list page runs them
 * as a query: the items as an SQL condition, the search in the full-text
 * index.  Signal "state-changed": the search text or the items changed. */

KzListFilter   *kz_list_filter_new            (KzKind         kind);
KzKind          kz_list_filter_get_kind       (KzListFilter  *self);
/* The facets of the filter's kind, in display order. */
const KzFacet  *kz_list_filter_get_facets     (KzListFilter  *self,
                                               guint         *n_facets);
const KzFacet  *kz_list_filter_find_facet     (KzListFilter  *self,
                                               const char    *id);
/* Translated "Umbrella association" for a facet. */
const char     *kz_facet_get_label            (const KzFacet *facet);

/* The store the SQL condition is for: TEXT facets take their values
 * from it. */
void            kz_list_filter_set_store      (KzListFilter  *self,
                                               KzStore       *store);
/* The items as an SQL condition on the kind's table as "r", or NULL
 * without items. */
char           *kz_list_filter_build_condition (KzListFilter *self);
/* Distinct values of a TEXT facet in the store, sorted; empty without
 * a store. */
GStrv           kz_list_filter_dup_values     (KzListFilter  *self,
                                               const KzFacet *facet);

void            kz_list_filter_set_search     (KzListFilter  *self,
                                               const char    *text);
const char     *kz_list_filter_get_search     (KzListFilter  *self);

/* Items are "facet=value": "status=running", "end_date.from=2026-01-01". */
gboolean        kz_list_filter_add_item       (KzListFilter  *self,
                                               const char    *item);
gboolean        kz_list_filter_remove_item    (KzListFilter  *self,
                                               const char    *item);
gboolean        kz_list_filter_has_item       (KzListFilter  *self,
                                               const char    *item);
/* Replaces the item of a DATE bound; NULL or "" removes it. */
void            kz_list_filter_set_date       (KzListFilter  *self,
                                               const char    *facet_id,
                                               gboolean       to,
                                               const char    *iso_date);
const char     *kz_list_filter_get_date       (KzListFilter  *self,
                                               const char    *facet_id,
                                               gboolean       to);
void            kz_list_filter_clear_items    (KzListFilter  *self);
/* NULL-terminated, in the order they were added. */
const char * const *kz_list_filter_get_items  (KzListFilter  *self);
void            kz_list_filter_set_items      (KzListFilter  *self,
                                               const char * const *items);
/* "Status: Running", "End from 31.12.2026". */
char           *kz_list_filter_describe_item  (KzListFilter  *self,
                                               const char    *item);
gboolean        kz_list_filter_is_active      (KzListFilter  *self);

G_END_DECLS
