/* kz-demo.h
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

#define KZ_DEMO_DEFAULT_SEED 2026

/* Writes a realistic German demo portfolio with @n_projects projects
 * (and proportional organisations, firms, partnerships, trainings,
 * funding programmes, call deadlines, applications and visits) into
 * @store.  The same @seed and @today give identical records: the same
 * UUIDs and the same field values.  @today NULL means the current local
 * date.  Everything is written in one store transaction, which is rolled
 * back on error or when @cancellable is cancelled. */
gboolean kz_demo_generate (KzStore      *store,
                           guint         n_projects,
                           guint32       seed,
                           GDate        *today,
                           GCancellable *cancellable,
                           GError      **error);

G_END_DECLS
