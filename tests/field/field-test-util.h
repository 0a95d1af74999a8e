/* field-test-util.h
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

#include "kz-store.h"

G_BEGIN_DECLS

/* A fresh portfolio in a temporary folder; removed by field_test_close(). */
KzStore  *field_test_open_store  (char       **dir);
void      field_test_close       (KzStore     *store,
                                  char        *dir);
/* Saves a new record of @kind with "field", "value" pairs (NULL-ended). */
KzRecord *field_test_add         (KzStore     *store,
                                  KzKind       kind,
                                  ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
