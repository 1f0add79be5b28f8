-- Every quote's text is exactly the document text at its offsets (offsets are 0-based, end-exclusive).
select quotes.quote_id, quotes.doc_id, quotes.start_char, quotes.end_char
from {{ ref('quotes') }} as quotes
inner join {{ ref('documents') }} as documents on quotes.doc_id = documents.doc_id
where quotes.end_char > length(documents.text)
    or substr(documents.text, quotes.start_char + 1, quotes.end_char - quotes.start_char) != quotes.text
