"""Reading a page: an HTML page or scraped text -> an Article, the article apart from the site's
furniture (captions, credits, prompts, teasers, datelines, bylines). Pure: text in, values out."""
