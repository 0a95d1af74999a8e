/* kz-views.c
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

#define G_LOG_DOMAIN "kz-views"

#include "config.h"

#include "kz-views.h"

#define VIEWS_KEY "saved-views"

void
kz_view_free (KzView *view)
{
  if (view == NULL)
    return;

  g_free (view->name);
  g_free (view->page);
  g_free (view->search);
  g_strfreev (view->items);
  g_free (view);
}

GPtrArray *
kz_views_load (GSettings *settings)
{
  g_autoptr(GVariant) value = NULL;
  GPtrArray *views = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_view_free);
  GVariantIter iter;
  KzView view = { 0 };

  g_return_val_if_fail (G_IS_SETTINGS (settings), views);

  value = g_settings_get_value (settings, VIEWS_KEY);
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(sss^as)", &view.name, &view.page, &view.search, &view.items))
    g_ptr_array_add (views, g_memdup2 (&view, sizeof view));

  return views;
}

static void
store (GSettings *settings,
       GPtrArray *views)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sssas)"));
  for (guint i = 0; i < views->len; i++)
    {
      KzView *view = g_ptr_array_index (views, i);

      g_variant_builder_add (&builder, "(sss^as)", view->name, view->page,
                             view->search ? view->search : "", view->items);
    }

  g_settings_set_value (settings, VIEWS_KEY, g_variant_builder_end (&builder));
}

void
kz_views_add (GSettings          *settings,
              const char         *name,
              const char         *page,
              const char         *search,
              const char * const *items)
{
  g_autoptr(GPtrArray) views = NULL;
  KzView *view;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (name != NULL && page != NULL);

  views = kz_views_load (settings);
  view = g_new0 (KzView, 1);
  view->name = g_strdup (name);
  view->page = g_strdup (page);
  view->search = g_strdup (search ? search : "");
  view->items = g_strdupv ((char **)(items ? items : (const char * const []) { NULL }));
  g_ptr_array_add (views, view);
  store (settings, views);
}

gboolean
kz_views_remove (GSettings *settings,
                 guint      index)
{
  g_autoptr(GPtrArray) views = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  views = kz_views_load (settings);
  if (index >= views->len)
    return FALSE;

  g_ptr_array_remove_index (views, index);
  store (settings, views);
  return TRUE;
}

gboolean
kz_views_rename (GSettings  *settings,
                 guint       index,
                 const char *name)
{
  g_autoptr(GPtrArray) views = NULL;
  KzView *view;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  views = kz_views_load (settings);
  if (index >= views->len)
    return FALSE;

  view = g_ptr_array_index (views, index);
  g_free (view->name);
  view->name = g_strdup (name);
  store (settings, views);
  return TRUE;
}
