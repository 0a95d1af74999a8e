/* exchange-test-util.h
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

#include "kz-csv-export.h"
#include "kz-csv-import.h"
#include "kz-demo.h"
#include "kz-ics-export.h"
#include "kz-report.h"
#include "kz-store-backup.h"
#include "kz-store.h"

G_BEGIN_DECLS

/* A portfolio in a fresh temporary folder, removed again with the store. */
typedef struct
{
  char    *dir;
  char    *path;
  KzStore *store;
} TempStore;

TempStore  *temp_store_new          (void);
void        temp_store_free         (TempStore   *t);
char       *temp_store_file         (TempStore   *t,
                                     const char  *name);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TempStore, temp_store_free)

/* Binds the text domain to the build tree and sets the locale: "de"
 * for German, "C" for the untranslated source strings. */
void        test_set_language       (const char  *language);
void        test_init               (int         *argc,
                                     char      ***argv);

GDate      *test_today              (void);

/* Parses CSV with libcsv: a GPtrArray of GStrv rows. */
GPtrArray  *test_parse_csv          (const char  *data,
                                     gsize        length,
                                     char         separator);
char       *test_read_file          (const char  *path,
                                     gsize       *length);
void        test_write_file         (const char  *path,
                                     const char  *data,
                                     gssize       length);
KzRecord   *test_find_by_title      (KzStore     *store,
                                     KzKind       kind,
                                     const char  *title);
GListModel *test_list               (KzStore     *store,
                                     KzKind       kind);
/* Seconds since @start (g_get_monotonic_time ()). */
double      test_seconds_since      (gint64       start);

G_END_DECLS
