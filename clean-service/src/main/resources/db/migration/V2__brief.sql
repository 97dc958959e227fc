-- A brief (a headline, a headline and a summary) is an article made of what it had.
ALTER TABLE cleaned_article ADD COLUMN brief BOOLEAN NOT NULL DEFAULT FALSE;
