/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include "rh-list-stage.h"

struct _RhListStage
{
  GObject     parent_instance;
  GListModel *source;
  guint       n_items;   /* the length shown */
  gboolean    held;
  guint       visible;
  GObject    *empty;     /* the item past the source's end while held */
};

static void rh_list_stage_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RhListStage, rh_list_stage, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rh_list_stage_model_init))

static GType
rh_list_stage_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (RH_LIST_STAGE (model)->source);
}

static guint
rh_list_stage_get_n_items (GListModel *model)
{
  return RH_LIST_STAGE (model)->n_items;
}

static gpointer
rh_list_stage_get_item (GListModel *model, guint position)
{
  RhListStage *self = RH_LIST_STAGE (model);

  if (position >= self->n_items)
    return NULL;
  if (position < g_list_model_get_n_items (self->source))
    return g_list_model_get_item (self->source, position);
  if (self->empty == NULL)
    self->empty = g_object_new (g_list_model_get_item_type (self->source), NULL);
  return g_object_ref (self->empty);
}

static void
rh_list_stage_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rh_list_stage_get_item_type;
  iface->get_n_items = rh_list_stage_get_n_items;
  iface->get_item = rh_list_stage_get_item;
}

/* Changes the length shown at the end only, as the source does. */
static void
set_length (RhListStage *self, guint n)
{
  guint old = self->n_items;

  if (n == old)
    return;
  self->n_items = n;
  if (n < old)
    g_list_model_items_changed (G_LIST_MODEL (self), n, old - n, 0);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, n - old);
}

static void
source_changed_cb (RhListStage *self)
{
  guint n = g_list_model_get_n_items (self->source);

  if (!self->held)
    set_length (self, n);
  else if (n > self->n_items)
    set_length (self, MIN (n, MAX (self->n_items, self->visible)));
  /* else: it shrinks on release. GTK destroys the row widgets of removed rows at once:
   * 52 rows of a table took 13.6 ms, most of a frame. */
}

static void
rh_list_stage_dispose (GObject *object)
{
  RhListStage *self = RH_LIST_STAGE (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_changed_cb, self);
  g_clear_object (&self->source);
  g_clear_object (&self->empty);
  G_OBJECT_CLASS (rh_list_stage_parent_class)->dispose (object);
}

static void
rh_list_stage_class_init (RhListStageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rh_list_stage_dispose;
}

static void
rh_list_stage_init (RhListStage *self)
{
}

RhListStage *
rh_list_stage_new (GListModel *source)
{
  RhListStage *self = g_object_new (RH_TYPE_LIST_STAGE, NULL);

  self->source = g_object_ref (source);
  self->n_items = g_list_model_get_n_items (source);
  g_signal_connect_swapped (source, "items-changed", G_CALLBACK (source_changed_cb), self);
  return self;
}

void
rh_list_stage_hold (RhListStage *self, guint visible)
{
  self->held = TRUE;
  self->visible = visible;
}

void
rh_list_stage_release (RhListStage *self)
{
  self->held = FALSE;
  set_length (self, g_list_model_get_n_items (self->source));
}

gboolean
rh_list_stage_is_held (RhListStage *self)
{
  return self->held;
}
