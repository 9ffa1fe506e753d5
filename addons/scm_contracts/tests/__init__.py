from . import test_sc_contract
from . import test_numbering
from . import test_classification
from . import test_types
from . import test_security
from . import test_http_story
from . import test_cancelkey
from . import test_secondary
