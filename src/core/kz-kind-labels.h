/* kz-kind-labels.h
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

#include "kz-schema.h"

G_BEGIN_DECLS

/* Untranslated action phrases for one kind of record; pass them through
 * the project's gettext domain before showing them.
 */
typedef struct
{
  const char *new_title;  /* "New Project": title of an unsaved record's page */
  const char *create;     /* "Create Project": undo step of the first save */
  const char *add;        /* "Add Project": add a child or a link */
  const char *delete;     /* "Delete Project" */
  const char *choose;     /* "Choose a project to add." */
} KzKindLabels;

const KzKindLabels *kz_kind_get_labels (KzKind kind);

G_END_DECLS
