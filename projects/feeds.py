from django.contrib.syndication.views import Feed


class LatestProjectsFeed(Feed):
    title = "Netwerkstad Twente"
    link = "/"

    def items(self):
        return []
