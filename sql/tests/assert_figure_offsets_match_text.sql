-- Every figure's surface is exactly the document text at its offsets (offsets are 0-based, end-exclusive).
select figures.figure_id, figures.doc_id, figures.start_char, figures.end_char
from {{ ref('figures') }} as figures
inner join {{ ref('documents') }} as documents on figures.doc_id = documents.doc_id
where figures.end_char > length(documents.text)
    or substr(documents.text, figures.start_char + 1, figures.end_char - figures.start_char) != figures.surface
