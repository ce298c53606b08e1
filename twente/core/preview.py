"""Detail pages that the public sees published, and staff can preview in any state.

A view names the queryset method of its page (`queryset_method = "for_detail"`). The
public gets exactly that method's queryset, which returns published items only, so a
draft or withdrawn item is a 404. A logged-in staff member with the model's `view` or
`change` permission gets the same method with only its `published()` condition
lifted, so a preview is prefetched exactly as the public page is, whatever the
state; with `?preview=changes` they see an item's unpublished changes in place of its
published version (twente.core.staging). A preview response carries `is_preview=True`
in the context (base.html shows the banner), `Cache-Control: private, no-store` and `X-Robots-Tag: noindex`.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db.models.lookups import Exact
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.generic import DetailView

from twente.core import staging
from twente.core.models import PublicationState

# The query string that shows staff an item's unpublished changes at its public address.
PREVIEW_CHANGES = "changes"


def can_preview(user, model):
    """Staff who may see this model in the admin may preview its unpublished items."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


def without_published_filter(queryset):
    """The queryset with the `published()` condition on its own rows removed.

    Only that top-level condition goes: other filters and the prefetches (which keep
    related items published) are untouched, so preview and public page share one
    named method. A method without a `published()` condition is a configuration
    error, because the public page would then show drafts.
    """
    queryset = queryset._chain()
    query = queryset.query
    base_alias = query.get_initial_alias()
    where = query.where

    def is_published_condition(node):
        return (
            isinstance(node, Exact)
            and getattr(node.lhs, "alias", None) == base_alias
            and getattr(node.lhs, "target", None) is not None
            and node.lhs.target.name == "publication_state"
            and node.rhs == PublicationState.PUBLISHED
        )

    kept = [child for child in where.children if not is_published_condition(child)]
    if where.negated or where.connector != "AND" or len(kept) == len(where.children):
        raise ImproperlyConfigured(
            f"{queryset.model.__name__}: the page's queryset method must start from published()."
        )
    where.children = kept
    return queryset


class PublishedDetailMixin:
    """For a `DetailView`: the page's named queryset, published items for the public,
    every state for staff who may preview the model."""

    queryset_method = "for_detail"

    def get_public_queryset(self):
        return getattr(self.model.objects, self.queryset_method)()

    def get_preview_queryset(self):
        return without_published_filter(self.get_public_queryset())

    @property
    def may_preview(self):
        if not hasattr(self, "_may_preview"):
            self._may_preview = can_preview(self.request.user, self.model)
        return self._may_preview

    def get_queryset(self):
        if self.may_preview:
            return self.get_preview_queryset()
        return self.get_public_queryset()

    showing_pending = False

    def get(self, request, *args, **kwargs):
        if self.may_preview and request.GET.get("preview") == PREVIEW_CHANGES:
            obj = self.get_object()
            pending = staging.pending_for(obj)
            if pending is not None:
                self.showing_pending = True
                return staging.run_on_pending(
                    obj, pending, lambda: super(PublishedDetailMixin, self).get(request, *args, **kwargs)
                )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = (
            self.showing_pending or self.object.publication_state != PublicationState.PUBLISHED
        )
        context["is_pending_preview"] = self.showing_pending
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context.get("is_preview"):
            # A preview must never reach a shared cache or a search engine.
            add_never_cache_headers(response)
            patch_cache_control(response, private=True, no_store=True)
            response["X-Robots-Tag"] = "noindex"
        elif self.request.user.is_authenticated:
            patch_cache_control(response, private=True)
        return response


class PreviewableDetailView(PublishedDetailMixin, DetailView):
    """A public detail page with staff preview: set `model`, `template_name` and,
    when it is not `for_detail`, `queryset_method`."""
