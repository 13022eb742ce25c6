#ifndef PLANC_CNATS_H
#define PLANC_CNATS_H

// libnats, loaded on first use (see LazyNATS.c). Swift calls the functions
// of nats.h as usual; the ones planc uses are defined in LazyNATS.c.
#include <nats/nats.h>

/// Loads libnats if it is not loaded yet. NULL once it is; otherwise why it
/// could not be (for the error planc prints). Call before any nats function.
const char *planc_nats_load(void);

#endif
