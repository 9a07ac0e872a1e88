// Generated from spec/core-api.yaml by `npm run gen`. Do not edit: change the spec and regenerate.

export interface paths {
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in and receive an access token
         * @description Authenticates an account user. The token goes in `Authorization` as `Bearer <token>` on every other call.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invalidate the current session and token
         * @description After logout the token is refused with 401.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the account's customers
         * @description Every customer in the account, in creation order (order not documented).
         */
        get: operations["listCustomers"];
        put?: never;
        /**
         * Create a customer
         * @description Creates a customer profile. Emails are unique per account (409 on a duplicate, docs status table).
         */
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a virtual card
         * @description New cards are created `inactive`, unassigned, with a zero balance.
         */
        post: operations["createCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cards/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign a card to a customer
         * @description A card is assigned once; assigning it again answers 409 (docs, Common Issues). Unknown card or customer ids answer 404.
         */
        post: operations["assignCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cards/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Activate, block or cancel a card
         * @description The only statuses a card can be set to are active, blocked and cancelled; any other value
         *     is a 400. Cancelled is permanent: a cancelled card cannot be set to any status (409).
         */
        patch: operations["changeCardStatus"];
        trace?: never;
    };
    "/cards/{cardId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a card's status, currency, customer and balance
         * @description The card as the other operations leave it. Lets a test verify status, assignment and balance.
         */
        get: operations["getCard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cards/{cardId}/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a card's movements, newest first
         * @description Movements come newest first. Debits are negative, credits (top-ups) positive.
         */
        get: operations["listMovements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/balances/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add funds to a card
         * @description Adds `amount` (a number > 0, in the card's currency) and answers the new balance. A
         *     top-up shows in the card's movements as a positive amount. Inactive and active cards
         *     take top-ups (the docs' integration example tops up before activating); blocked and
         *     cancelled cards answer 409.
         */
        post: operations["addBalance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An entity id, e.g. cus_001, card_001 (docs 004). */
        Id: string;
        /**
         * @description Card currencies the docs list.
         * @enum {string}
         */
        Currency: "USD" | "EUR" | "COP";
        /**
         * @description A card's status. Cards are born inactive; cancelled is permanent (docs 004).
         * @enum {string}
         */
        CardStatusValue: "inactive" | "active" | "blocked" | "cancelled";
        /** @description An amount in the card's currency units (not cents), e.g. -15.50. */
        Money: number;
        /** Format: date-time */
        Timestamp: string;
        ErrorResponse: {
            /** @description A machine-readable code, e.g. VALIDATION_ERROR, CONFLICT. */
            error: string;
            /** @description What went wrong, for people. */
            message: string;
        };
        LoginRequest: {
            /** Format: email */
            email: string;
            password: string;
        };
        CreateCustomerRequest: {
            name: string;
            /** Format: email */
            email: string;
        };
        CreateCardRequest: {
            currency: components["schemas"]["Currency"];
        };
        AssignCardRequest: {
            cardId: components["schemas"]["Id"];
            customerId: components["schemas"]["Id"];
        };
        ChangeCardStatusRequest: {
            cardId: components["schemas"]["Id"];
            /**
             * @description The statuses a card can be set to (docs 004).
             * @enum {string}
             */
            status: "active" | "blocked" | "cancelled";
        };
        AddBalanceRequest: {
            cardId: components["schemas"]["Id"];
            /** @description Must be > 0 (docs 004). */
            amount: number;
        };
        LoginResponse: {
            token: string;
            userId: components["schemas"]["Id"];
        };
        SuccessResponse: {
            /** @constant */
            success: true;
        };
        Customer: {
            customerId: components["schemas"]["Id"];
            name: string;
            /** Format: email */
            email: string;
        };
        CustomerList: {
            customers: components["schemas"]["Customer"][];
        };
        NewCard: {
            cardId: components["schemas"]["Id"];
            /** @constant */
            status: "inactive";
            currency: components["schemas"]["Currency"];
        };
        AssignCardResponse: {
            /** @constant */
            success: true;
            cardId: components["schemas"]["Id"];
            customerId: components["schemas"]["Id"];
        };
        CardStatus: {
            cardId: components["schemas"]["Id"];
            status: components["schemas"]["CardStatusValue"];
        };
        /** @description `customerId` is null (or absent) until the card is assigned: the docs test `if (card.customerId)`. */
        Card: {
            cardId: components["schemas"]["Id"];
            status: components["schemas"]["CardStatusValue"];
            currency: components["schemas"]["Currency"];
            customerId?: string | null;
            balance: components["schemas"]["Money"];
        };
        BalanceResponse: {
            cardId: components["schemas"]["Id"];
            balance: components["schemas"]["Money"];
        };
        Movement: {
            id: components["schemas"]["Id"];
            /** @description Negative = debit, positive = credit (docs 004). */
            amount: components["schemas"]["Money"];
            description: string;
            date: components["schemas"]["Timestamp"];
        };
        MovementList: {
            movements: components["schemas"]["Movement"][];
        };
    };
    responses: {
        /** @description Invalid payload or missing required fields (docs status table). */
        BadRequest: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "VALIDATION_ERROR",
                 *       "message": "body/amount must be number"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Missing or invalid token, a token used after logout, or wrong login credentials. */
        Unauthorized: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "UNAUTHORIZED",
                 *       "message": "Missing or invalid token"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Token expired or insufficient permissions; log in again (docs status table). */
        Forbidden: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "TOKEN_EXPIRED",
                 *       "message": "The token has expired: log in again"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The customer or card does not exist (docs status table). */
        NotFound: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "NOT_FOUND",
                 *       "message": "Card 'card_999' not found"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Card already assigned, duplicate email, or a card state that forbids the change (docs status table). */
        Conflict: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "CONFLICT",
                 *       "message": "Card already assigned to a customer"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description More than the account's requests per hour (docs 004, Rate Limits). */
        TooManyRequests: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "RATE_LIMITED",
                 *       "message": "Rate limit of 1000 requests per hour exceeded"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Server error; contact support (docs status table). */
        ServerError: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "INTERNAL_ERROR",
                 *       "message": "Internal server error"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description The card's id. */
        CardId: components["schemas"]["Id"];
    };
    requestBodies: never;
    headers: {
        /**
         * @description Requests allowed per hour for the account (docs 004).
         * @example 1000
         */
        "X-RateLimit-Limit": number;
        /**
         * @description Requests left in the current hour.
         * @example 847
         */
        "X-RateLimit-Remaining": number;
        /**
         * @description When the window resets, in Unix epoch seconds.
         * @example 1644332400
         */
        "X-RateLimit-Reset": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "user@email.com",
                 *       "password": "password123"
                 *     }
                 */
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description The access token and the user's id. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
                     *       "userId": "usr_123"
                     *     }
                     */
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session is closed. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["SuccessResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    listCustomers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every customer in the account. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "customers": [
                     *         {
                     *           "customerId": "cus_001",
                     *           "name": "Juan Perez",
                     *           "email": "juan@email.com"
                     *         },
                     *         {
                     *           "customerId": "cus_002",
                     *           "name": "Maria Garcia",
                     *           "email": "maria@email.com"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CustomerList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Juan Perez",
                 *       "email": "juan@email.com"
                 *     }
                 */
                "application/json": components["schemas"]["CreateCustomerRequest"];
            };
        };
        responses: {
            /** @description The new customer. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "customerId": "cus_001",
                     *       "name": "Juan Perez",
                     *       "email": "juan@email.com"
                     *     }
                     */
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    createCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "currency": "USD"
                 *     }
                 */
                "application/json": components["schemas"]["CreateCardRequest"];
            };
        };
        responses: {
            /** @description The new card, inactive. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "card_001",
                     *       "status": "inactive",
                     *       "currency": "USD"
                     *     }
                     */
                    "application/json": components["schemas"]["NewCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    assignCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "cardId": "card_001",
                 *       "customerId": "cus_001"
                 *     }
                 */
                "application/json": components["schemas"]["AssignCardRequest"];
            };
        };
        responses: {
            /** @description The card is linked to the customer. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "cardId": "card_001",
                     *       "customerId": "cus_001"
                     *     }
                     */
                    "application/json": components["schemas"]["AssignCardResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    changeCardStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "cardId": "card_001",
                 *       "status": "active"
                 *     }
                 */
                "application/json": components["schemas"]["ChangeCardStatusRequest"];
            };
        };
        responses: {
            /** @description The card with its new status. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "card_001",
                     *       "status": "active"
                     *     }
                     */
                    "application/json": components["schemas"]["CardStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    getCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "card_001",
                     *       "status": "active",
                     *       "currency": "USD",
                     *       "customerId": "cus_001",
                     *       "balance": 100
                     *     }
                     */
                    "application/json": components["schemas"]["Card"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    listMovements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card's movements, in reverse chronological order. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "movements": [
                     *         {
                     *           "id": "mov_001",
                     *           "amount": -20,
                     *           "description": "Online purchase - Amazon",
                     *           "date": "2025-02-10T12:00:00Z"
                     *         },
                     *         {
                     *           "id": "mov_002",
                     *           "amount": 100,
                     *           "description": "Balance top-up",
                     *           "date": "2025-02-10T10:00:00Z"
                     *         },
                     *         {
                     *           "id": "mov_003",
                     *           "amount": -15.5,
                     *           "description": "Subscription - Netflix",
                     *           "date": "2025-02-09T18:30:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["MovementList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    addBalance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "cardId": "card_001",
                 *       "amount": 100
                 *     }
                 */
                "application/json": components["schemas"]["AddBalanceRequest"];
            };
        };
        responses: {
            /** @description The card's new balance. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "card_001",
                     *       "balance": 100
                     *     }
                     */
                    "application/json": components["schemas"]["BalanceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
}
